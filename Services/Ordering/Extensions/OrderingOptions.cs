using System.ComponentModel.DataAnnotations;

namespace Ordering.Api.Extensions;

/// <summary>The "Ordering" configuration section.</summary>
public sealed class OrderingOptions
{
    public const string SectionName = "Ordering";

    /// <summary>How long a saga step waits for its answer (stock, payment) before the order is cancelled and compensated.</summary>
    public TimeSpan SagaTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each replica looks for sagas past their deadline.</summary>
    public TimeSpan SagaSweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Checkout refuses new orders (503, Retry-After) while the oldest open saga step has waited longer than this, so
    /// that the orders it accepts finish well within <see cref="SagaTimeout"/> instead of queueing until it cancels them.
    /// </summary>
    public TimeSpan MaxSagaWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each replica measures the open sagas for <see cref="MaxSagaWait"/>.</summary>
    public TimeSpan SagaBacklogInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Overdue sagas one sweep locks and handles in one transaction.</summary>
    [Range(1, 1000)]
    public int SagaSweepBatchSize { get; set; } = 50;

    /// <summary>The currency of the catalog's prices, in which payments are asked.</summary>
    [Required, RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "USD";

    [Range(1, 1_000_000)]
    public int MaxQuantityPerLine { get; set; } = 1000;

    [Range(1, 1000)]
    public int MaxLines { get; set; } = 100;
}

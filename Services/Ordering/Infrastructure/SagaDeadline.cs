namespace Ordering.Api.Infrastructure;

/// <summary>
/// The checkout saga's timer: the saga's step is the order's status (its stream), and this row says until when the
/// step waits for its answer. It exists while the saga runs; the sweeper cancels and compensates an order whose row
/// is due, and the row is the lock that keeps a sweeper and a reply handler from deciding for one order at once.
/// </summary>
public sealed class SagaDeadline
{
    public required Guid OrderId { get; init; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>The saga's correlation id, so a timeout's compensations join its flow.</summary>
    public required Guid CorrelationId { get; init; }

    /// <summary>The command whose answer is awaited: a timeout's compensations name it as their cause.</summary>
    public Guid AwaitedMessageId { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace Payments.Api.Provider;

/// <summary>
/// The simulated provider's behaviour, section <c>Payments:Provider</c>. Tests and chaos runs inject faults here;
/// by default it declines nothing and never fails.
/// </summary>
public sealed class PaymentProviderOptions
{
    public const string SectionName = "Payments:Provider";

    /// <summary>How long each call to the provider takes.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The share of authorizations declined at random (0 to 1).</summary>
    [Range(0d, 1d)]
    public double DeclineRate { get; set; }

    /// <summary>The share of calls that fail as if the provider were unreachable (0 to 1): the consumer retries them.</summary>
    [Range(0d, 1d)]
    public double FailureRate { get; set; }

    /// <summary>Declines every authorization of more than this amount.</summary>
    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal? DeclineAbove { get; set; }

    /// <summary>Declines every authorization for these user ids.</summary>
    public List<string> DeclineUsers { get; set; } = [];

    /// <summary>
    /// Fails the first this-many calls for each order (per replica), then lets them through: a deterministic
    /// transient outage, where <see cref="FailureRate"/> is a random one.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int FailuresPerOrder { get; set; }
}

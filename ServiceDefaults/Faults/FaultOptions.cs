using System.ComponentModel.DataAnnotations;

namespace CloudNative.ServiceDefaults.Faults;

// Faults a service injects into its own HTTP answers when configured ("Faults"), so a deployment can be made to
// misbehave on purpose: a canary that fails or slows down, to exercise the gateway's automatic rollback.
public sealed class FaultOptions
{
    public const string SectionName = "Faults";

    // The share of requests (0..1) answered with StatusCode instead of reaching the app.
    [Range(0.0, 1.0)]
    public double ErrorRate { get; set; }

    [Range(400, 599)]
    public int StatusCode { get; set; } = 500;

    // Added to every request before it is answered (or failed).
    public TimeSpan Latency { get; set; }

    public bool IsActive => ErrorRate > 0 || Latency > TimeSpan.Zero;
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CloudNative.Messaging.Telemetry;

/// <summary>
/// The outbox relay's and the consumer host's own spans and counters. The Kafka send/receive spans, the trace context
/// in headers and the client metrics are ServiceDefaults' (CloudNative.Kafka); these count what the plumbing decides.
/// </summary>
public static class MessagingTelemetry
{
    public const string SourceName = "CloudNative.Messaging";

    public const string TopicTag = "messaging.destination.name";
    public const string ConsumerGroupTag = "messaging.consumer.group.name";
    public const string ReasonTag = "cloudnative.messaging.dead_letter.reason";

    public const string PoisonReason = "poison";
    public const string FailedReason = "failed";

    internal static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    internal static readonly Counter<long> Published = Meter.CreateCounter<long>(
        "cloudnative.messaging.outbox.published", unit: "{message}", description: "Outbox rows the broker acknowledged and the relay marked.");

    internal static readonly Counter<long> Consumed = Meter.CreateCounter<long>(
        "cloudnative.messaging.consumer.consumed", unit: "{message}", description: "Messages whose effect a handler committed.");

    internal static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        "cloudnative.messaging.consumer.duplicates", unit: "{message}", description: "Messages the inbox had already seen, skipped.");

    internal static readonly Counter<long> Ignored = Meter.CreateCounter<long>(
        "cloudnative.messaging.consumer.ignored", unit: "{message}", description: "Messages of a known type this consumer has no handler for.");

    internal static readonly Counter<long> Retried = Meter.CreateCounter<long>(
        "cloudnative.messaging.consumer.retried", unit: "{attempt}", description: "Failed handling attempts that were retried.");

    internal static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        "cloudnative.messaging.consumer.dead_lettered", unit: "{message}", description: "Messages sent to a dead-letter topic, by reason.");
}

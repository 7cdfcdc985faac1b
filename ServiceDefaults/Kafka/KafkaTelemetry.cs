using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Confluent.Kafka;

namespace CloudNative.ServiceDefaults.Kafka;

// The span source, instruments and OpenTelemetry messaging attribute names shared by producer and consumer.
internal static class KafkaTelemetry
{
    // Not Aspire's "OpenTelemetry.Instrumentation.ConfluentKafka": our spans and metrics follow the current messaging
    // semantic conventions, not that instrumentation's older ones, so they go out under a name of their own.
    public const string SourceName = "CloudNative.Kafka";

    public static readonly ActivitySource Source = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "messaging.client.operation.duration", unit: "s",
        description: "Duration of a send, from the call to the delivery report, or of a receive, from the call to the message.");

    public static readonly Counter<long> SentMessages = Meter.CreateCounter<long>(
        "messaging.client.sent.messages", unit: "{message}", description: "Messages the producer tried to send.");

    public static readonly Counter<long> ConsumedMessages = Meter.CreateCounter<long>(
        "messaging.client.consumed.messages", unit: "{message}", description: "Messages the consumer received.");

    public const string MessagingSystem = "messaging.system";
    public const string Kafka = "kafka";
    public const string DestinationName = "messaging.destination.name";
    public const string PartitionId = "messaging.destination.partition.id";
    public const string Offset = "messaging.kafka.offset";
    public const string OperationType = "messaging.operation.type";
    public const string OperationName = "messaging.operation.name";
    public const string ConsumerGroup = "messaging.consumer.group.name";
    public const string ErrorType = "error.type";

    public static string FormatPartition(Partition partition) => partition.Value.ToString(CultureInfo.InvariantCulture);
}

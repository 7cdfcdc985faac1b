using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Kafka;

// One send, from the call to its delivery report: the Producer span, the trace context in the message's
// headers, and the messaging metrics.
internal sealed class KafkaSendOperation
{
    private readonly Activity? activity;
    private readonly bool metrics;
    private readonly long startTimestamp = Stopwatch.GetTimestamp();
    private TagList metricTags;

    private KafkaSendOperation(Activity? activity, bool metrics, TagList metricTags)
    {
        this.activity = activity;
        this.metrics = metrics;
        this.metricTags = metricTags;
    }

    public static KafkaSendOperation Start<TKey, TValue>(TopicPartition destination, Message<TKey, TValue> message, KafkaInstrumentation instrumentation)
    {
        TagList tags = new()
        {
            { KafkaTelemetry.MessagingSystem, KafkaTelemetry.Kafka },
            { KafkaTelemetry.OperationType, "send" },
            { KafkaTelemetry.OperationName, "send" },
            { KafkaTelemetry.DestinationName, destination.Topic },
        };
        if (destination.Partition != Partition.Any)
        {
            tags.Add(KafkaTelemetry.PartitionId, KafkaTelemetry.FormatPartition(destination.Partition));
        }

        if (!instrumentation.Tracing)
        {
            return new KafkaSendOperation(null, instrumentation.Metrics, tags);
        }

        var activity = KafkaTelemetry.Source.StartActivity($"send {destination.Topic}", ActivityKind.Producer, default(ActivityContext), tags);

        // Without a listener for our span, the caller's own span still travels with the message.
        (message.Headers ??= []).InjectTraceContext(activity ?? Activity.Current);

        return new KafkaSendOperation(activity, instrumentation.Metrics, tags);
    }

    public void Delivered(TopicPartitionOffset delivered)
    {
        if (activity is not null)
        {
            activity.SetTag(KafkaTelemetry.PartitionId, KafkaTelemetry.FormatPartition(delivered.Partition));
            activity.SetTag(KafkaTelemetry.Offset, delivered.Offset.Value);
        }
        Complete();
    }

    // Delivery reports are switched off, so handing the message to librdkafka is all the producer will know of it.
    public void Enqueued() => Complete();

    public void Failed(Error error) => Failed(error.Code.ToString(), error.Reason);

    public void Failed(Exception exception)
    {
        if (exception is KafkaException kafka)
        {
            Failed(kafka.Error);
        }
        else
        {
            Failed(exception.GetType().FullName!, exception.Message);
        }
    }

    private void Failed(string errorType, string description)
    {
        activity?.SetStatus(ActivityStatusCode.Error, description);
        activity?.SetTag(KafkaTelemetry.ErrorType, errorType);
        metricTags.Add(KafkaTelemetry.ErrorType, errorType);
        Complete();
    }

    private void Complete()
    {
        activity?.Stop();
        if (metrics)
        {
            KafkaTelemetry.SentMessages.Add(1, metricTags);
            KafkaTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, metricTags);
        }
    }
}

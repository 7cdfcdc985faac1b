using System.Diagnostics;
using System.Text;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;

namespace Microsoft.Extensions.Hosting;

// Carries W3C trace context (traceparent, tracestate, baggage) in Kafka message headers, so one trace follows
// a message from its producer to every consumer. It uses the runtime's DistributedContextPropagator, the same
// one ASP.NET Core and HttpClient use, so Kafka hops look exactly like HTTP hops.
public static class KafkaTraceContext
{
    public static void InjectTraceContext(this Headers headers, Activity? activity)
    {
        ArgumentNullException.ThrowIfNull(headers);
        DistributedContextPropagator.Current.Inject(activity, headers, static (carrier, name, value) =>
        {
            var target = (Headers)carrier!;
            // A message sent again (a retry, an outbox relay) must carry only the newest context.
            target.Remove(name);
            target.Add(name, Encoding.UTF8.GetBytes(value));
        });
    }

    public static ActivityContext ExtractTraceContext(this Headers? headers)
    {
        if (headers is null)
        {
            return default;
        }

        DistributedContextPropagator.Current.ExtractTraceIdAndState(headers, ReadHeader, out var traceParent, out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default;
    }

    // Starts the span for handling one consumed message, as a child of the span that produced it.
    // Dispose the returned activity when the handling is done.
    public static Activity? StartConsumeActivity<TKey, TValue>(this ConsumeResult<TKey, TValue> result, string groupId)
    {
        ArgumentNullException.ThrowIfNull(result);

        var activity = KafkaTelemetry.Source.StartActivity($"process {result.Topic}", ActivityKind.Consumer,
            result.Message?.Headers.ExtractTraceContext() ?? default,
            [
                new(KafkaTelemetry.MessagingSystem, KafkaTelemetry.Kafka),
                new(KafkaTelemetry.OperationType, "process"),
                new(KafkaTelemetry.OperationName, "process"),
                new(KafkaTelemetry.DestinationName, result.Topic),
                new(KafkaTelemetry.ConsumerGroup, groupId),
                new(KafkaTelemetry.PartitionId, KafkaTelemetry.FormatPartition(result.Partition)),
                new(KafkaTelemetry.Offset, result.Offset.Value),
            ]);

        if (activity is not null && result.Message?.Headers is { } headers)
        {
            // AddBaggage prepends, so adding in reverse keeps the sender's order, as ASP.NET Core does.
            foreach (var (key, value) in (DistributedContextPropagator.Current.ExtractBaggage(headers, ReadHeader) ?? []).Reverse())
            {
                activity.AddBaggage(key, value);
            }
        }

        return activity;
    }

    private static void ReadHeader(object? carrier, string name, out string? value, out IEnumerable<string>? values)
    {
        values = null;
        value = ((Headers)carrier!).TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
    }
}

using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Kafka;

// Wraps the real consumer so that every message it hands out gets a receive span, linked to the span that sent it,
// and messaging metrics, as far as the settings leave them on. Everything else passes straight through.
internal sealed class TracingConsumer<TKey, TValue>(IConsumer<TKey, TValue> inner, string? groupId, KafkaInstrumentation instrumentation)
    : IConsumer<TKey, TValue>
{
    public ConsumeResult<TKey, TValue>? Consume(int millisecondsTimeout) => Received(Stopwatch.GetTimestamp(), inner.Consume(millisecondsTimeout));

    public ConsumeResult<TKey, TValue>? Consume(CancellationToken cancellationToken = default) => Received(Stopwatch.GetTimestamp(), inner.Consume(cancellationToken));

    public ConsumeResult<TKey, TValue>? Consume(TimeSpan timeout) => Received(Stopwatch.GetTimestamp(), inner.Consume(timeout));

    // Arguments are evaluated in order, so the timestamp is taken before the call it times.
    private ConsumeResult<TKey, TValue>? Received(long startTimestamp, ConsumeResult<TKey, TValue>? result)
    {
        // A timeout or the end of a partition hands out no message.
        if (result is null || result.IsPartitionEOF)
        {
            return result;
        }

        var elapsed = Stopwatch.GetElapsedTime(startTimestamp);
        TagList tags = new()
        {
            { KafkaTelemetry.MessagingSystem, KafkaTelemetry.Kafka },
            { KafkaTelemetry.OperationType, "receive" },
            { KafkaTelemetry.OperationName, "receive" },
            { KafkaTelemetry.DestinationName, result.Topic },
            { KafkaTelemetry.PartitionId, KafkaTelemetry.FormatPartition(result.Partition) },
            { KafkaTelemetry.ConsumerGroup, groupId },
        };

        if (instrumentation.Tracing)
        {
            // Linked, not parented: a poll loop receives messages from many traces, and its own span may belong to none.
            var sender = result.Message?.Headers.ExtractTraceContext() ?? default;
            using var activity = KafkaTelemetry.Source.StartActivity($"receive {result.Topic}", ActivityKind.Consumer, default(ActivityContext),
                tags, sender == default ? null : [new ActivityLink(sender)], DateTimeOffset.UtcNow - elapsed);
            activity?.SetTag(KafkaTelemetry.Offset, result.Offset.Value);
        }

        if (instrumentation.Metrics)
        {
            KafkaTelemetry.ConsumedMessages.Add(1, tags);
            KafkaTelemetry.OperationDuration.Record(elapsed.TotalSeconds, tags);
        }

        return result;
    }

    public Handle Handle => inner.Handle;

    public string Name => inner.Name;

    public string MemberId => inner.MemberId;

    public List<TopicPartition> Assignment => inner.Assignment;

    public List<string> Subscription => inner.Subscription;

    public IConsumerGroupMetadata ConsumerGroupMetadata => inner.ConsumerGroupMetadata;

    public int AddBrokers(string brokers) => inner.AddBrokers(brokers);

    public void SetSaslCredentials(string username, string password) => inner.SetSaslCredentials(username, password);

    public void Subscribe(IEnumerable<string> topics) => inner.Subscribe(topics);

    public void Subscribe(string topic) => inner.Subscribe(topic);

    public void Unsubscribe() => inner.Unsubscribe();

    public void Assign(TopicPartition partition) => inner.Assign(partition);

    public void Assign(TopicPartitionOffset partition) => inner.Assign(partition);

    public void Assign(IEnumerable<TopicPartitionOffset> partitions) => inner.Assign(partitions);

    public void Assign(IEnumerable<TopicPartition> partitions) => inner.Assign(partitions);

    public void IncrementalAssign(IEnumerable<TopicPartitionOffset> partitions) => inner.IncrementalAssign(partitions);

    public void IncrementalAssign(IEnumerable<TopicPartition> partitions) => inner.IncrementalAssign(partitions);

    public void IncrementalUnassign(IEnumerable<TopicPartition> partitions) => inner.IncrementalUnassign(partitions);

    public void Unassign() => inner.Unassign();

    public void StoreOffset(ConsumeResult<TKey, TValue> result) => inner.StoreOffset(result);

    public void StoreOffset(TopicPartitionOffset offset) => inner.StoreOffset(offset);

    public List<TopicPartitionOffset> Commit() => inner.Commit();

    public void Commit(IEnumerable<TopicPartitionOffset> offsets) => inner.Commit(offsets);

    public void Commit(ConsumeResult<TKey, TValue> result) => inner.Commit(result);

    public void Seek(TopicPartitionOffset tpo) => inner.Seek(tpo);

    public void Pause(IEnumerable<TopicPartition> partitions) => inner.Pause(partitions);

    public void Resume(IEnumerable<TopicPartition> partitions) => inner.Resume(partitions);

    public List<TopicPartitionOffset> Committed(TimeSpan timeout) => inner.Committed(timeout);

    public List<TopicPartitionOffset> Committed(IEnumerable<TopicPartition> partitions, TimeSpan timeout) => inner.Committed(partitions, timeout);

    public Offset Position(TopicPartition partition) => inner.Position(partition);

    public List<TopicPartitionOffset> OffsetsForTimes(IEnumerable<TopicPartitionTimestamp> timestampsToSearch, TimeSpan timeout) =>
        inner.OffsetsForTimes(timestampsToSearch, timeout);

    public WatermarkOffsets GetWatermarkOffsets(TopicPartition topicPartition) => inner.GetWatermarkOffsets(topicPartition);

    public WatermarkOffsets QueryWatermarkOffsets(TopicPartition topicPartition, TimeSpan timeout) => inner.QueryWatermarkOffsets(topicPartition, timeout);

    public void Close() => inner.Close();

    public void Dispose() => inner.Dispose();
}

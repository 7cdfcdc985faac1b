using Confluent.Kafka;

namespace CloudNative.ServiceDefaults.Tests;

// Stands in for librdkafka: hands out the results it was given, one per Consume, then nothing (a timeout).
internal sealed class FakeConsumer(params ConsumeResult<string, string>[] results) : IConsumer<string, string>
{
    private readonly Queue<ConsumeResult<string, string>> pending = new(results);

    public ConsumeResult<string, string>? Consume(CancellationToken cancellationToken = default) => pending.TryDequeue(out var result) ? result : null;
    public ConsumeResult<string, string>? Consume(int millisecondsTimeout) => Consume();
    public ConsumeResult<string, string>? Consume(TimeSpan timeout) => Consume();

    public string Name => "fake";
    public Handle Handle => throw new NotSupportedException();
    public string MemberId => throw new NotSupportedException();
    public List<TopicPartition> Assignment => throw new NotSupportedException();
    public List<string> Subscription => throw new NotSupportedException();
    public IConsumerGroupMetadata ConsumerGroupMetadata => throw new NotSupportedException();
    public int AddBrokers(string brokers) => throw new NotSupportedException();
    public void SetSaslCredentials(string username, string password) => throw new NotSupportedException();
    public void Subscribe(IEnumerable<string> topics) => throw new NotSupportedException();
    public void Subscribe(string topic) => throw new NotSupportedException();
    public void Unsubscribe() => throw new NotSupportedException();
    public void Assign(TopicPartition partition) => throw new NotSupportedException();
    public void Assign(TopicPartitionOffset partition) => throw new NotSupportedException();
    public void Assign(IEnumerable<TopicPartitionOffset> partitions) => throw new NotSupportedException();
    public void Assign(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public void IncrementalAssign(IEnumerable<TopicPartitionOffset> partitions) => throw new NotSupportedException();
    public void IncrementalAssign(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public void IncrementalUnassign(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public void Unassign() => throw new NotSupportedException();
    public void StoreOffset(ConsumeResult<string, string> result) => throw new NotSupportedException();
    public void StoreOffset(TopicPartitionOffset offset) => throw new NotSupportedException();
    public List<TopicPartitionOffset> Commit() => throw new NotSupportedException();
    public void Commit(IEnumerable<TopicPartitionOffset> offsets) => throw new NotSupportedException();
    public void Commit(ConsumeResult<string, string> result) => throw new NotSupportedException();
    public void Seek(TopicPartitionOffset tpo) => throw new NotSupportedException();
    public void Pause(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public void Resume(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();
    public List<TopicPartitionOffset> Committed(TimeSpan timeout) => throw new NotSupportedException();
    public List<TopicPartitionOffset> Committed(IEnumerable<TopicPartition> partitions, TimeSpan timeout) => throw new NotSupportedException();
    public Offset Position(TopicPartition partition) => throw new NotSupportedException();
    public List<TopicPartitionOffset> OffsetsForTimes(IEnumerable<TopicPartitionTimestamp> timestampsToSearch, TimeSpan timeout) => throw new NotSupportedException();
    public WatermarkOffsets GetWatermarkOffsets(TopicPartition topicPartition) => throw new NotSupportedException();
    public WatermarkOffsets QueryWatermarkOffsets(TopicPartition topicPartition, TimeSpan timeout) => throw new NotSupportedException();
    public void Close() => throw new NotSupportedException();
    public void Dispose() { }
}

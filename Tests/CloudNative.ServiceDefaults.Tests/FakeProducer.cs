using Confluent.Kafka;

namespace CloudNative.ServiceDefaults.Tests;

// Stands in for librdkafka: records what it was given and answers as a broker would, or fails.
internal sealed class FakeProducer : IProducer<string, string>
{
    public Error? Failure { get; init; }

    public List<Message<string, string>> Sent { get; } = [];

    public Action<DeliveryReport<string, string>>? PendingDeliveryHandler { get; private set; }

    public Task<DeliveryResult<string, string>> ProduceAsync(TopicPartition topicPartition, Message<string, string> message, CancellationToken cancellationToken = default)
    {
        Sent.Add(message);
        var report = Report(topicPartition, message);
        return Failure is null
            ? Task.FromResult<DeliveryResult<string, string>>(report)
            : Task.FromException<DeliveryResult<string, string>>(new ProduceException<string, string>(Failure, report));
    }

    public void Produce(TopicPartition topicPartition, Message<string, string> message, Action<DeliveryReport<string, string>>? deliveryHandler = null)
    {
        Sent.Add(message);
        PendingDeliveryHandler = deliveryHandler is null ? null : _ => deliveryHandler(Report(topicPartition, message));
    }

    private DeliveryReport<string, string> Report(TopicPartition topicPartition, Message<string, string> message) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset(topicPartition.Topic, new Partition(3), new Offset(7)),
        Message = message,
        Error = Failure ?? new Error(ErrorCode.NoError),
        Status = Failure is null ? PersistenceStatus.Persisted : PersistenceStatus.NotPersisted,
    };

    public Task<DeliveryResult<string, string>> ProduceAsync(string topic, Message<string, string> message, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public void Produce(string topic, Message<string, string> message, Action<DeliveryReport<string, string>>? deliveryHandler = null) => throw new NotSupportedException();
    public Handle Handle => throw new NotSupportedException();
    public string Name => "fake";
    public int AddBrokers(string brokers) => throw new NotSupportedException();
    public void SetSaslCredentials(string username, string password) => throw new NotSupportedException();
    public int Poll(TimeSpan timeout) => throw new NotSupportedException();
    public int Flush(TimeSpan timeout) => throw new NotSupportedException();
    public void Flush(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public void InitTransactions(TimeSpan timeout) => throw new NotSupportedException();
    public void BeginTransaction() => throw new NotSupportedException();
    public void CommitTransaction(TimeSpan timeout) => throw new NotSupportedException();
    public void CommitTransaction() => throw new NotSupportedException();
    public void AbortTransaction(TimeSpan timeout) => throw new NotSupportedException();
    public void AbortTransaction() => throw new NotSupportedException();
    public void SendOffsetsToTransaction(IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout) => throw new NotSupportedException();
    public void Dispose() { }
}

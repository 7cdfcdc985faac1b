using System.Text;
using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Serialization;
using Confluent.Kafka;

namespace CloudNative.Messaging.Tests.Infrastructure;

/// <summary>Reads and writes topics directly, outside any consumer group: what is really on the broker.</summary>
public sealed class TopicReader(string bootstrapServers)
{
    private static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Waits until the topic holds at least <paramref name="atLeast"/> messages, then returns all of them.</summary>
    public async Task<List<ConsumeResult<string, byte[]>>> ReadAllAsync(string topic, int atLeast)
    {
        using var consumer = Consumer();
        var partitions = Partitions(topic);
        var highs = await Eventually.WaitForAsync(
            () => Task.FromResult(partitions.Select(p => consumer.QueryWatermarkOffsets(p, BrokerTimeout).High.Value).ToArray()),
            highs => highs.Sum() >= atLeast, $"{atLeast} messages on {topic}");

        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        List<ConsumeResult<string, byte[]>> messages = [];
        var deadline = DateTime.UtcNow + Eventually.Deadline;
        while (messages.Count < highs.Sum())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Read only {messages.Count} of {highs.Sum()} messages from {topic}.");
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: not null } result && result.Offset < highs[result.Partition.Value])
            {
                messages.Add(result);
            }
        }
        return messages;
    }

    public long Count(string topic)
    {
        using var consumer = Consumer();
        return Partitions(topic).Sum(p => consumer.QueryWatermarkOffsets(p, BrokerTimeout).High.Value);
    }

    /// <summary>The offset the group has committed for one partition (Offset.Unset if none).</summary>
    public Offset Committed(string groupId, TopicPartition partition)
    {
        using var consumer = Consumer(groupId);
        return consumer.Committed([partition], BrokerTimeout).Single().Offset;
    }

    /// <summary>Sends a message as the plumbing would, envelope headers included, straight to the topic.</summary>
    public async Task<(EventEnvelope Envelope, TopicPartitionOffset Offset)> SendAsync<TMessage>(string topic, string key, TMessage message, int? partition = null)
    {
        var (envelope, payload, headers) = Enveloped(message);
        return (envelope, await SendRawAsync(topic, key, payload, headers, partition));
    }

    /// <summary>The message as the plumbing sends it: its envelope, its JSON and the envelope's headers.</summary>
    public static (EventEnvelope Envelope, byte[] Payload, Headers Headers) Enveloped<TMessage>(TMessage message)
    {
        var types = new MessageTypes()
            .Add("order-placed", TestJsonContext.Default.OrderPlaced)
            .Add("order-shipped", TestJsonContext.Default.OrderShipped);
        var (type, payload) = types.Serialize(message);
        var envelope = EventEnvelope.Create(type, DateTimeOffset.UtcNow, causedBy: null);
        var headers = new Headers();
        envelope.WriteTo(headers);
        return (envelope, payload, headers);
    }

    public async Task<TopicPartitionOffset> SendRawAsync(string topic, string key, byte[] value, Headers? headers, int? partition = null)
    {
        using var producer = Producer();
        var destination = new TopicPartition(topic, partition is { } p ? new Partition(p) : Partition.Any);
        return (await producer.ProduceAsync(destination, new Message<string, byte[]> { Key = key, Value = value, Headers = headers })).TopicPartitionOffset;
    }

    /// <summary>
    /// Sends the messages to one partition in one produce request (the producer lingers until all are queued), so
    /// the dev broker, which answers a fetch with one such batch per partition, hands them to a consumer together.
    /// </summary>
    public async Task<IReadOnlyList<TopicPartitionOffset>> SendTogetherAsync(string topic, int partition, params (string Key, byte[] Value, Headers? Headers)[] messages)
    {
        using var producer = Producer(linger: TimeSpan.FromSeconds(1));
        var sends = messages.Select(m => producer.ProduceAsync(new TopicPartition(topic, partition),
            new Message<string, byte[]> { Key = m.Key, Value = m.Value, Headers = m.Headers })).ToList();
        producer.Flush(BrokerTimeout);
        return [.. (await Task.WhenAll(sends)).Select(r => r.TopicPartitionOffset)];
    }

    private IProducer<string, byte[]> Producer(TimeSpan? linger = null) =>
        new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = linger?.TotalMilliseconds,
        }).Build();

    public static string Header(ConsumeResult<string, byte[]> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : throw new KeyNotFoundException($"No '{name}' header.");

    private List<TopicPartition> Partitions(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return [.. admin.GetMetadata(topic, BrokerTimeout).Topics.Single().Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).OrderBy(p => p.Partition.Value)];
    }

    private IConsumer<string, byte[]> Consumer(string? groupId = null) =>
        new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = groupId ?? $"reader-{Guid.NewGuid()}",
            EnableAutoCommit = false,
        }).Build();
}

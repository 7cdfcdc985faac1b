using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Serialization;
using Confluent.Kafka;
using CloudNative.Messaging.Tests.Infrastructure;

namespace CloudNative.ServiceTests;

/// <summary>A received saga message: its envelope and its payload, decoded with the service's own message types.</summary>
public sealed record SagaMessage(EventEnvelope Envelope, object Message);

/// <summary>
/// The saga's side of a service under test, on the real broker: sends commands as the plumbing would (envelope in the
/// headers, keyed by order id) and reads what the service published, outside any consumer group.
/// </summary>
public sealed class SagaTopics(string bootstrapServers, MessageTypes types)
{
    private static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Sends <paramref name="message"/>; pass an envelope sent before to deliver the same message again.</summary>
    public async Task<EventEnvelope> SendAsync<TMessage>(string topic, Guid orderId, TMessage message, EventEnvelope? again = null)
    {
        var (type, payload) = types.Serialize(message);
        var envelope = again ?? EventEnvelope.Create(type, DateTimeOffset.UtcNow, causedBy: null);
        var headers = new Headers();
        envelope.WriteTo(headers);
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
        }).Build();
        await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = orderId.ToString(), Value = payload, Headers = headers });
        return envelope;
    }

    /// <summary>Every message on <paramref name="topic"/> for the order, in order.</summary>
    public List<SagaMessage> Read(string topic, Guid orderId)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"reader-{Guid.NewGuid()}",
            EnableAutoCommit = false,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, BrokerTimeout).Topics.Single().Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).ToList();
        var highs = partitions.ToDictionary(p => p.Partition.Value, p => consumer.QueryWatermarkOffsets(p, BrokerTimeout).High.Value);

        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var key = orderId.ToString();
        List<SagaMessage> messages = [];
        var remaining = highs.Values.Sum();
        var deadline = DateTime.UtcNow + Eventually.Deadline;
        while (remaining > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Could not read {topic} to its end.");
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { Message: not null } result || result.Offset >= highs[result.Partition.Value])
            {
                continue;
            }

            remaining--;
            if (result.Message.Key == key)
            {
                var envelope = EventEnvelope.ReadFrom(result.Message.Headers);
                messages.Add(new SagaMessage(envelope, types.Deserialize(envelope.MessageType, result.Message.Value)));
            }
        }
        return messages;
    }

    /// <summary>Waits until the service has answered the command sent as <paramref name="command"/>, then returns every message for the order.</summary>
    public Task<List<SagaMessage>> WaitForReplyAsync(string topic, Guid orderId, EventEnvelope command) =>
        Eventually.WaitForAsync(() => Task.FromResult(Read(topic, orderId)),
            messages => messages.Any(m => m.Envelope.CausationId == command.MessageId),
            $"the reply to {command.MessageType} {command.MessageId} on {topic}");
}

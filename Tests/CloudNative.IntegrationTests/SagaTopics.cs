using System.Globalization;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Gateway.Api.Tests;

namespace CloudNative.IntegrationTests;

/// <summary>The saga's topics on the app's Kafka, read and written directly, outside the services' consumer groups.</summary>
internal sealed class SagaTopics(string bootstrapServers)
{
    private static readonly TimeSpan s_broker = TimeSpan.FromSeconds(10);

    /// <summary>Which consumer group applies each topic's messages.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConsumerGroups = new Dictionary<string, string>
    {
        ["catalog-commands"] = "catalog",
        ["payment-commands"] = "payments",
        ["catalog-events"] = "ordering",
        ["payment-events"] = "ordering",
    };

    public static async Task<SagaTopics> OfAsync(AppHostFixture fixture) => new(await fixture.ConnectionStringAsync("kafka"));

    /// <summary>Every message now on the topic keyed by one of <paramref name="keys"/>, in offset order per partition.</summary>
    public List<ConsumeResult<string, byte[]>> ReadKeyed(string topic, IReadOnlySet<string> keys)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"test-reader-{Guid.NewGuid()}",
            EnableAutoCommit = false,
        }).Build();
        var partitions = Partitions(topic);
        var highs = partitions.ToDictionary(p => p.Partition.Value, p => consumer.QueryWatermarkOffsets(p, s_broker).High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));

        List<ConsumeResult<string, byte[]>> messages = [];
        var read = partitions.ToDictionary(p => p.Partition.Value, _ => 0L);
        var deadline = DateTime.UtcNow + s_broker;
        while (read.Any(r => r.Value < highs[r.Key]))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Could not read {topic} up to its high watermarks.");
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: not null } result && result.Offset < highs[result.Partition.Value])
            {
                read[result.Partition.Value] = result.Offset.Value + 1;
                if (keys.Contains(result.Message.Key))
                {
                    messages.Add(result);
                }
            }
        }
        return messages;
    }

    /// <summary>
    /// Sends a new message in the wire format the services use (envelope headers, contract name, web JSON), keyed by
    /// its order as the saga keys every message; returns its message id.
    /// </summary>
    public async Task<Guid> SendAsync(string topic, Guid orderId, string messageType, object message)
    {
        var messageId = Guid.CreateVersion7();
        var headers = new Headers
        {
            { "message-id", Encoding.UTF8.GetBytes(messageId.ToString()) },
            { "message-type", Encoding.UTF8.GetBytes(messageType) },
            { "occurred-at", Encoding.UTF8.GetBytes(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)) },
            { "correlation-id", Encoding.UTF8.GetBytes(messageId.ToString()) },
        };
        using var producer = Producer();
        await producer.ProduceAsync(topic, new Message<string, byte[]>
        {
            Key = orderId.ToString(),
            Value = JsonSerializer.SerializeToUtf8Bytes(message, JsonSerializerOptions.Web),
            Headers = headers,
        });
        return messageId;
    }

    /// <summary>
    /// Sends the messages again exactly as they were, to their own partitions: the same key, value and headers, so the
    /// same message id. This is a redelivery as the consumers see it.
    /// </summary>
    public async Task<List<TopicPartitionOffset>> ReproduceAsync(IEnumerable<ConsumeResult<string, byte[]>> messages)
    {
        using var producer = Producer();
        List<TopicPartitionOffset> sent = [];
        foreach (var message in messages)
        {
            var copy = new Message<string, byte[]> { Key = message.Message.Key, Value = message.Message.Value, Headers = [] };
            foreach (var header in message.Message.Headers)
            {
                copy.Headers.Add(header.Key, header.GetValueBytes());
            }
            sent.Add((await producer.ProduceAsync(message.TopicPartition, copy)).TopicPartitionOffset);
        }
        return sent;
    }

    /// <summary>Waits until each message's consumer group has committed past it: it was handled, one way or another.</summary>
    public async Task WaitHandledAsync(IEnumerable<TopicPartitionOffset> messages, TimeSpan bound)
    {
        foreach (var group in messages.GroupBy(m => ConsumerGroups[m.Topic]))
        {
            using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group.Key }).Build();
            var last = group.GroupBy(m => m.TopicPartition).Select(p => (Partition: p.Key, Offset: p.Max(m => m.Offset.Value))).ToList();
            await Until.TrueAsync(() => Task.FromResult(
                consumer.Committed(last.Select(l => l.Partition), s_broker).All(c => c.Offset.Value > last.Single(l => l.Partition == c.TopicPartition).Offset)),
                bound);
        }
    }

    public static string Header(ConsumeResult<string, byte[]> message, string name) =>
        message.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : throw new KeyNotFoundException($"No '{name}' header.");

    private IProducer<string, byte[]> Producer() =>
        new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true, Acks = Acks.All }).Build();

    private List<TopicPartition> Partitions(string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        return [.. admin.GetMetadata(topic, s_broker).Topics.Single().Partitions.Select(p => new TopicPartition(topic, p.PartitionId))];
    }
}

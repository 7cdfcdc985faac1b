using Confluent.Kafka;

namespace CloudNative.KafkaDevBroker.Tests;

internal static class KafkaClients
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static IProducer<string, string> Producer(string bootstrapServers) =>
        new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
        }).Build();

    public static IConsumer<string, string> Consumer(
        string bootstrapServers, string groupId, GroupProtocol protocol = GroupProtocol.Classic)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = groupId,
            GroupProtocol = protocol,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        if (protocol == GroupProtocol.Classic)
        {
            // The mock holds each classic rebalance after the first for session.timeout.ms - 1 s;
            // 6 s is the smallest session timeout a real broker accepts.
            config.SessionTimeoutMs = 6000;
            config.HeartbeatIntervalMs = 250;
        }

        return new ConsumerBuilder<string, string>(config).Build();
    }

    public static IAdminClient Admin(string bootstrapServers) =>
        new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();

    public static async Task<List<DeliveryResult<string, string>>> ProduceAsync(
        string bootstrapServers, string topic, int count)
    {
        using var producer = Producer(bootstrapServers);
        // All in flight at once: the idempotent producer must still keep each partition in send order.
        var sends = Enumerable.Range(0, count)
            .Select(i => producer.ProduceAsync(topic, new Message<string, string> { Key = $"key-{i % 7}", Value = $"message-{i}" }))
            .ToArray();
        return [.. await Task.WhenAll(sends)];
    }
}

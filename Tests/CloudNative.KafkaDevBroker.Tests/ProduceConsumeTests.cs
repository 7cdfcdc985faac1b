using Confluent.Kafka;

namespace CloudNative.KafkaDevBroker.Tests;

public sealed class ProduceConsumeTests(DevBrokerFixture broker) : IClassFixture<DevBrokerFixture>
{
    [Theory]
    [InlineData("orders", GroupProtocol.Classic)]
    [InlineData("shipments", GroupProtocol.Consumer)]
    public async Task IdempotentProducer_ConsumerGroup_ReadsEveryMessageInPartitionOrder_AndCommits(
        string topic, GroupProtocol protocol)
    {
        const int count = 100;
        var produced = await KafkaClients.ProduceAsync(broker.BootstrapServers, topic, count);
        Assert.All(produced, r => Assert.Equal(PersistenceStatus.Persisted, r.Status));
        Assert.Equal(3, produced.Select(r => r.Partition.Value).Distinct().Count());

        using var consumer = KafkaClients.Consumer(broker.BootstrapServers, $"{topic}-reader", protocol);
        consumer.Subscribe(topic);
        var consumed = new List<ConsumeResult<string, string>>();
        var deadline = DateTime.UtcNow + KafkaClients.Deadline;
        while (consumed.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
            {
                consumed.Add(result);
            }
        }

        Assert.Equal(count, consumed.Count);
        foreach (var partition in produced.GroupBy(r => r.Partition))
        {
            Assert.Equal(
                partition.Select(r => (r.Offset.Value, r.Message.Value)),
                consumed.Where(r => r.Partition == partition.Key).Select(r => (r.Offset.Value, r.Message.Value)));
        }

        consumer.Commit();
        var committed = consumer.Committed(TimeSpan.FromSeconds(10));
        foreach (var partition in produced.GroupBy(r => r.TopicPartition))
        {
            var expected = partition.Max(r => r.Offset.Value) + 1;
            Assert.Equal(expected, committed.Single(c => c.TopicPartition == partition.Key).Offset.Value);
        }

        consumer.Close();
    }
}

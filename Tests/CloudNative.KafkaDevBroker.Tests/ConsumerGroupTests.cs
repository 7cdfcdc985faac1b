using Confluent.Kafka;

namespace CloudNative.KafkaDevBroker.Tests;

public sealed class ConsumerGroupTests(DevBrokerFixture broker) : IClassFixture<DevBrokerFixture>
{
    [Theory]
    [InlineData("rebalance-classic", GroupProtocol.Classic)]
    [InlineData("rebalance-consumer", GroupProtocol.Consumer)]
    public void TwoMembersOfOneGroup_SplitThePartitions(string topic, GroupProtocol protocol)
    {
        using var first = KafkaClients.Consumer(broker.BootstrapServers, $"{topic}-group", protocol);
        using var second = KafkaClients.Consumer(broker.BootstrapServers, $"{topic}-group", protocol);

        first.Subscribe(topic);
        PollUntil(() => first.Assignment.Count == 3, first);

        second.Subscribe(topic);
        PollUntil(() => first.Assignment.Count > 0 && second.Assignment.Count > 0 &&
                        first.Assignment.Count + second.Assignment.Count == 3, first, second);

        var all = first.Assignment.Concat(second.Assignment).Select(tp => tp.Partition.Value).Order();
        Assert.Equal([0, 1, 2], all);

        first.Close();
        second.Close();
    }

    // Group membership only progresses while members poll, so polling is the wait.
    private static void PollUntil(Func<bool> condition, params IConsumer<string, string>[] consumers)
    {
        var deadline = DateTime.UtcNow + KafkaClients.Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The group did not reach the expected assignment in time.");
            foreach (var consumer in consumers)
            {
                consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}

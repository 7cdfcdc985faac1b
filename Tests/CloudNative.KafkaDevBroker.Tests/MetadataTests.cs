using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace CloudNative.KafkaDevBroker.Tests;

public sealed class MetadataTests(DevBrokerFixture broker) : IClassFixture<DevBrokerFixture>
{
    [Fact]
    public void Metadata_ListsTheDeclaredTopicsWithTheirPartitionCounts()
    {
        using var admin = KafkaClients.Admin(broker.BootstrapServers);

        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));

        foreach (var declared in DevBrokerFixture.Topics)
        {
            var topic = Assert.Single(metadata.Topics, t => t.Topic == declared.Name);
            Assert.Equal(ErrorCode.NoError, topic.Error.Code);
            Assert.Equal(declared.Partitions, topic.Partitions.Count);
        }

        var only = Assert.Single(metadata.Brokers);
        Assert.Equal(broker.BootstrapServers, $"{only.Host}:{only.Port}");
    }

    // Why topics are declared on the command line: the mock serves no admin API. It says so at once
    // because the broker reports a controller; without one the request would wait out its timeout.
    [Fact]
    public async Task AdminCreateTopics_IsRejectedAtOnce()
    {
        using var admin = KafkaClients.Admin(broker.BootstrapServers);

        var create = admin.CreateTopicsAsync(
            [new TopicSpecification { Name = "created-by-admin", NumPartitions = 1, ReplicationFactor = 1 }],
            new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(30) });

        var error = await Assert.ThrowsAnyAsync<KafkaException>(() => create.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("not supported", error.Message);
    }
}

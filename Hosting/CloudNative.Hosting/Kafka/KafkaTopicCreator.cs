using CloudNative.Hosting.ApplicationModel;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace CloudNative.Hosting.Kafka;

/// <summary>Creates the declared topics on a real broker (container or existing); an existing topic is fine.</summary>
internal static class KafkaTopicCreator
{
    public static async Task CreateAllAsync(KafkaServerResource kafka, CancellationToken cancellationToken)
    {
        if (kafka.Topics.Count == 0)
        {
            return;
        }

        using var admin = new AdminClientBuilder(new AdminClientConfig
        {
            BootstrapServers = await ((IResourceWithConnectionString)kafka).GetConnectionStringAsync(cancellationToken).ConfigureAwait(false),
        })
            .SetLogHandler(KafkaClientLogs.Discard)
            .Build();
        try
        {
            await admin.CreateTopicsAsync(kafka.Topics.Select(t => new TopicSpecification { Name = t.Name, NumPartitions = t.Partitions, ReplicationFactor = 1 })).ConfigureAwait(false);
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
        }
    }
}

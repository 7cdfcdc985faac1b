using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace CloudNative.Hosting.Kafka;

/// <summary>Creates the declared topics on a real broker once it is ready; one that exists already is fine.</summary>
internal static class KafkaTopicCreator
{
    public static async Task CreateDeclaredTopicsAsync(KafkaServerResource kafka, CancellationToken cancellationToken)
    {
        var topics = KafkaTopicAnnotation.Of(kafka).ToList();
        // A local process is the dev broker, which takes its topics on its command line (its mock has no CreateTopics).
        if (topics.Count == 0 || !kafka.IsContainer())
        {
            return;
        }

        using var admin = KafkaAdmin.Create(await kafka.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false));
        try
        {
            await admin.CreateTopicsAsync(topics.Select(t => new TopicSpecification { Name = t.Name, NumPartitions = t.Partitions, ReplicationFactor = 1 })).ConfigureAwait(false);
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
        }
    }
}

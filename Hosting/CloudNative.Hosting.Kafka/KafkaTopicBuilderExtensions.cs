using Aspire.Hosting.ApplicationModel;
using CloudNative.Hosting.Kafka;

namespace Aspire.Hosting;

/// <summary>Ours on top of Aspire's Kafka: topics declared in the AppHost, created in every mode.</summary>
public static class KafkaTopicBuilderExtensions
{
    public static IResourceBuilder<KafkaServerResource> WithTopic(this IResourceBuilder<KafkaServerResource> builder, string name, int partitions = 1)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (partitions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(partitions), partitions, $"Resource '{builder.Resource.Name}' topic '{name}': the partition count must be at least 1.");
        }

        if (KafkaTopicAnnotation.Of(builder.Resource).Any(t => t.Name == name))
        {
            throw new ArgumentException($"Resource '{builder.Resource.Name}' declares topic '{name}' twice. Declare each topic once.", nameof(name));
        }

        return builder.WithAnnotation(new KafkaTopicAnnotation(name, partitions));
    }
}

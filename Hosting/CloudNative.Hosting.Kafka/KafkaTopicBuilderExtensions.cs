using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using CloudNative.Hosting.Kafka;

namespace Aspire.Hosting;

/// <summary>Ours on top of Aspire's Kafka: topics declared in the AppHost, created in every mode.</summary>
public static partial class KafkaTopicBuilderExtensions
{
    public static IResourceBuilder<KafkaServerResource> WithTopic(this IResourceBuilder<KafkaServerResource> builder, string name, int partitions = 1)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"Resource '{builder.Resource.Name}': a topic name must not be blank.", nameof(name));
        }

        // Kafka's rule, checked here: the dev broker would refuse it at every restart, a real broker at topic creation.
        if (!LegalTopicName().IsMatch(name) || name is "." or "..")
        {
            throw new ArgumentException($"Resource '{builder.Resource.Name}' topic '{name}' is not a legal Kafka topic name. Use up to 249 letters, digits, '.', '_' or '-'.", nameof(name));
        }

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

    [GeneratedRegex("^[a-zA-Z0-9._-]{1,249}$")]
    private static partial Regex LegalTopicName();
}

using Aspire.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Kafka;

/// <summary>A topic the AppHost creates once the broker is ready, with its partition count.</summary>
public sealed record KafkaTopicAnnotation(string Name, int Partitions) : IResourceAnnotation
{
    internal static IEnumerable<KafkaTopicAnnotation> Of(IResource resource) => resource.Annotations.OfType<KafkaTopicAnnotation>();
}

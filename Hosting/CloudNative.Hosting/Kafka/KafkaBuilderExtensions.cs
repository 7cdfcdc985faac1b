using System.Net.Sockets;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Kafka;

public static class KafkaBuilderExtensions
{
    internal const string Registry = "docker.io";
    internal const string Image = "confluentinc/confluent-local";
    internal const string Tag = "8.1.0";

    /// <summary>
    /// A Kafka broker: confluent-local in container mode, the Kafka dev broker (librdkafka's mock cluster) in
    /// process mode. Its client endpoint is not proxied, because Kafka clients reconnect to the address the
    /// broker advertises, which must be the one they were given.
    /// </summary>
    public static IResourceBuilder<KafkaServerResource> AddKafka(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var kafka = new KafkaServerResource(name);
        var healthCheckKey = $"{name}_check";
        HealthCheckRegistrations.AddOwned(builder, healthCheckKey, () => new KafkaHealth(kafka));

        return builder.AddResource(kafka)
            .WithAnnotation(new ContainerImageAnnotation(Registry, Image, Tag))
            .WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, "tcp", "tcp", KafkaServerResource.PrimaryEndpointName, port, targetPort: 9092, isProxied: false))
            .WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, "tcp", "tcp", KafkaServerResource.InternalEndpointName, targetPort: 9093, isProxied: false))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context => KafkaContainerEnvironment.Apply(kafka, context)))
            .WithAnnotation(new ResourceReadyAnnotation((ready, cancellationToken) =>
                ready.Mode == "process" ? Task.CompletedTask : KafkaTopicCreator.CreateAllAsync(kafka, cancellationToken)))
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>Declares a topic and its partition count; the AppHost creates it when the broker starts.</summary>
    public static IResourceBuilder<KafkaServerResource> WithTopic(this IResourceBuilder<KafkaServerResource> builder, string name, int partitions = 1)
    {
        if (partitions < 1)
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' topic '{name}': the partition count must be at least 1, but was {partitions}.");
        }

        builder.Resource.AddTopic(new KafkaTopic(name, partitions));
        return builder;
    }
}

using Aspire.Hosting.ApplicationModel;
using CloudNative.Hosting.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>Aspire.Hosting.Kafka's builder API, plus a local-process recipe: the Kafka dev broker.</summary>
public static class KafkaBuilderExtensions
{
    private const int KafkaBrokerPort = 9092;
    private const int KafkaInternalBrokerPort = 9093;
    private const int KafkaUIPort = 8080;
    private const string DataTarget = "/var/lib/kafka/data";

    public static IResourceBuilder<KafkaServerResource> AddKafka(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var kafka = new KafkaServerResource(name);
        var healthCheckKey = $"{name}_check";

        // One check per resource, owned by the container: Aspire's builds a producer on every check and never disposes it (aspire#20091).
        builder.Services.AddKeyedSingleton(healthCheckKey, (_, _) => new KafkaBrokerHealthCheck(kafka));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, sp => sp.GetRequiredKeyedService<KafkaBrokerHealthCheck>(healthCheckKey), failureStatus: default, tags: default));
        builder.Eventing.Subscribe<ResourceReadyEvent>(kafka, (_, ct) => KafkaTopicCreator.CreateDeclaredTopicsAsync(kafka, ct));

        return builder.AddResource(kafka)
            .WithEndpoint(targetPort: KafkaBrokerPort, port: port, name: KafkaServerResource.PrimaryEndpointName)
            .WithEndpoint(targetPort: KafkaInternalBrokerPort, name: KafkaServerResource.InternalEndpointName)
            .WithImage(KafkaContainerImageTags.Image, KafkaContainerImageTags.Tag)
            .WithImageRegistry(KafkaContainerImageTags.Registry)
            .WithIconName("MailMultiple")
            .WithEnvironment(context => ConfigureKafkaContainer(context, kafka))
            .WithHealthCheck(healthCheckKey)
            .WithLocalProcess(new KafkaDevBrokerProcess(kafka));
    }

    public static IResourceBuilder<KafkaServerResource> WithKafkaUI(this IResourceBuilder<KafkaServerResource> builder, Action<IResourceBuilder<KafkaUIContainerResource>>? configureContainer = null, string? containerName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        if (builder.ApplicationBuilder.Resources.OfType<KafkaUIContainerResource>().SingleOrDefault() is { } existing)
        {
            configureContainer?.Invoke(builder.ApplicationBuilder.CreateResourceBuilder(existing));
            return builder;
        }

        var kafkaUi = builder.ApplicationBuilder.AddResource(new KafkaUIContainerResource(containerName ?? "kafka-ui"))
            .WithImage(KafkaContainerImageTags.KafkaUiImage, KafkaContainerImageTags.KafkaUiTag)
            .WithImageRegistry(KafkaContainerImageTags.Registry)
            .WithIconName("WindowDatabase")
            .WithHttpEndpoint(targetPort: KafkaUIPort)
            .ExcludeFromManifest();

        builder.ApplicationBuilder.Eventing.Subscribe<BeforeResourceStartedEvent>(kafkaUi.Resource, (_, _) =>
        {
            var index = 0;
            foreach (var kafka in builder.ApplicationBuilder.Resources.OfType<KafkaServerResource>())
            {
                var endpoint = kafka.InternalEndpoint;
                var clusterIndex = index++;
                kafkaUi.WithEnvironment(context =>
                {
                    context.EnvironmentVariables[$"KAFKA_CLUSTERS_{clusterIndex}_NAME"] = endpoint.Resource.Name;
                    context.EnvironmentVariables[$"KAFKA_CLUSTERS_{clusterIndex}_BOOTSTRAPSERVERS"] = context.ExecutionContext.IsRunMode
                        ? ReferenceExpression.Create($"{endpoint.Resource.Name}:{endpoint.Property(EndpointProperty.TargetPort)}")
                        : ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.HostAndPort)}");
                });
            }

            return Task.CompletedTask;
        });

        configureContainer?.Invoke(kafkaUi);
        return builder;
    }

    public static IResourceBuilder<KafkaUIContainerResource> WithHostPort(this IResourceBuilder<KafkaUIContainerResource> builder, int? port)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithEndpoint("http", endpoint => endpoint.Port = port);
    }

    public static IResourceBuilder<KafkaServerResource> WithDataVolume(this IResourceBuilder<KafkaServerResource> builder, string? name = null, bool isReadOnly = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithEnvironment(ConfigureLogDirs)
            .WithVolume(name ?? VolumeNameGenerator.Generate(builder, "data"), DataTarget, isReadOnly);
    }

    public static IResourceBuilder<KafkaServerResource> WithDataBindMount(this IResourceBuilder<KafkaServerResource> builder, string source, bool isReadOnly = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(source);
        return builder
            .WithEnvironment(ConfigureLogDirs)
            .WithBindMount(source, DataTarget, isReadOnly);
    }

    private static void ConfigureKafkaContainer(EnvironmentCallbackContext context, KafkaServerResource resource)
    {
        // confluent-local runs KRaft in one container; PLAINTEXT_INTERNAL is the listener other containers reach.
        context.EnvironmentVariables["KAFKA_LISTENERS"] = $"PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:{KafkaBrokerPort},PLAINTEXT_INTERNAL://0.0.0.0:{KafkaInternalBrokerPort}";
        context.EnvironmentVariables["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"] = "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT";

        var primary = resource.PrimaryEndpoint;
        var @internal = resource.InternalEndpoint;
        context.EnvironmentVariables["KAFKA_ADVERTISED_LISTENERS"] = context.ExecutionContext.IsRunMode
            ? ReferenceExpression.Create($"PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:{primary.Property(EndpointProperty.Port)},PLAINTEXT_INTERNAL://{resource.Name}:{@internal.Property(EndpointProperty.TargetPort)}")
            : ReferenceExpression.Create($"PLAINTEXT://{primary.Property(EndpointProperty.Host)}:29092,PLAINTEXT_HOST://{primary.Property(EndpointProperty.HostAndPort)},PLAINTEXT_INTERNAL://{@internal.Property(EndpointProperty.HostAndPort)}");
    }

    private static void ConfigureLogDirs(EnvironmentCallbackContext context) =>
        context.EnvironmentVariables["KAFKA_LOG_DIRS"] = DataTarget;
}

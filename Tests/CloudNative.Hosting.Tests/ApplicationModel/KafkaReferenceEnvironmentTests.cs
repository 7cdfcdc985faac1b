using CloudNative.Hosting.Kafka;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.ApplicationModel;

/// <summary>WithReference(kafka) injects the bootstrap address and Aspire 13.1's HOST/PORT properties (aspire-contracts §2.4, §2.5).</summary>
public sealed class KafkaReferenceEnvironmentTests
{
    [Fact]
    public async Task ReferenceInjectsBootstrapServersAndConnectionProperties()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");
        var consumer = builder.AddExecutable("consumer", "true", ".").WithReference(kafka);
        var port = RunMode.Allocate(kafka.Resource, "tcp", 19092);

        var env = await RunMode.EnvironmentOf(consumer.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["ConnectionStrings__kafka"] = $"localhost:{port}",
            ["KAFKA_HOST"] = "localhost",
            ["KAFKA_PORT"] = $"{port}",
        }, env);
    }

    [Fact]
    public async Task ContainerEnvironmentAdvertisesTheHostPortInRunMode()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");
        var port = RunMode.Allocate(kafka.Resource, "tcp", 19093);
        RunMode.Allocate(kafka.Resource, "internal", 19094);

        var env = await RunMode.EnvironmentOf(kafka.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["KAFKA_LISTENERS"] = "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093",
            ["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"] = "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT",
            ["KAFKA_ADVERTISED_LISTENERS"] = $"PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:{port},PLAINTEXT_INTERNAL://kafka:9093",
        }, env);
    }
}

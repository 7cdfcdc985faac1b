using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Kafka;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>
/// <c>AddKafka</c> against Aspire's literal test (tests/Aspire.Hosting.Kafka.Tests/AddKafkaTests.cs, the same from 8.2.2
/// on; aspire-contracts §2.4) with 13.1's confluent-local tag. Nothing of the process-mode dev broker shows.
/// </summary>
public sealed class KafkaManifestTests
{
    [Fact]
    public async Task KafkaIsConfluentLocalWithItsListeners()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddKafka("kafka").WithTopic("orders", partitions: 3);

        var manifest = await host.PublishAsync();

        Golden.Equal("""
            {
              "type": "container.v0",
              "connectionString": "{kafka.bindings.tcp.host}:{kafka.bindings.tcp.port}",
              "image": "docker.io/confluentinc/confluent-local:8.1.0",
              "env": {
                "KAFKA_LISTENERS": "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093",
                "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP": "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT",
                "KAFKA_ADVERTISED_LISTENERS": "PLAINTEXT://{kafka.bindings.tcp.host}:29092,PLAINTEXT_HOST://{kafka.bindings.tcp.host}:{kafka.bindings.tcp.port},PLAINTEXT_INTERNAL://{kafka.bindings.internal.host}:{kafka.bindings.internal.port}"
              },
              "bindings": {
                "tcp": {
                  "scheme": "tcp",
                  "protocol": "tcp",
                  "transport": "tcp",
                  "targetPort": 9092
                },
                "internal": {
                  "scheme": "tcp",
                  "protocol": "tcp",
                  "transport": "tcp",
                  "targetPort": 9093
                }
              }
            }
            """, manifest.Resource("kafka"));
        Assert.DoesNotContain("KafkaDevBroker", manifest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("orders", manifest.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerProjectsGetConnectionVariablesAndNoBindings()
    {
        using var host = ManifestHost.Create();
        var kafka = host.Builder.AddKafka("kafka");
        var producer = host.Builder.AddProject("producer", host.CreateProject("Producer")).WithArgs("kafka").WithReference(kafka);
        RemoveEndpoints(producer.Resource);

        var manifest = await host.PublishAsync();

        // playground/kafka/KafkaBasic.AppHost/aspire-manifest.json "producer", with 13.1's two extra OTLP variables.
        Golden.Equal("""
            {
              "type": "project.v0",
              "path": "../Producer/Producer.csproj",
              "args": [
                "kafka"
              ],
              "env": {
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES": "true",
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES": "true",
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY": "in_memory",
                "ConnectionStrings__kafka": "{kafka.connectionString}",
                "KAFKA_HOST": "{kafka.bindings.tcp.host}",
                "KAFKA_PORT": "{kafka.bindings.tcp.port}"
              }
            }
            """, manifest.Resource("producer"));
    }

    /// <summary>A worker: Aspire gives a project without launch-profile URLs no endpoints.</summary>
    internal static void RemoveEndpoints(IResource resource)
    {
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>().ToList())
        {
            resource.Annotations.Remove(endpoint);
        }
    }
}

using System.Text.Json.Nodes;

namespace CloudNative.Hosting.Kafka.Tests;

/// <summary>
/// The manifest entries match what Aspire.Hosting.Kafka writes. The expected entry is the one Aspire generated for
/// its Kafka playground (aspire-kafka.md, examples/kafka.aspire-manifest.json), the image tag 8.1.1 → 8.2.0 aside.
/// </summary>
public sealed class KafkaManifestTests
{
    private const string AspireKafkaEntry = """
        {
          "type": "container.v0",
          "connectionString": "{kafka.bindings.tcp.host}:{kafka.bindings.tcp.port}",
          "image": "docker.io/confluentinc/confluent-local:8.2.0",
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
        """;

    [Fact]
    public async Task AddKafkaWritesAspiresEntry()
    {
        var resources = await PublishedManifest.ResourcesOfAsync(builder => builder.AddKafka("kafka"));

        PublishedManifest.AssertJsonEqual(AspireKafkaEntry, resources["kafka"]);
    }

    [Fact]
    public async Task DeclaredTopicsAndTheLocalProcessRecipeLeaveTheEntryAlone()
    {
        var resources = await PublishedManifest.ResourcesOfAsync(builder =>
        {
            builder.Configuration["LocalProcesses:Mode"] = "Always";
            builder.AddLocalProcessFallback();
            builder.AddKafka("kafka").WithTopic("orders", partitions: 3);
        });

        PublishedManifest.AssertJsonEqual(AspireKafkaEntry, resources["kafka"]);
    }

    [Fact]
    public async Task AReferenceWritesTheConnectionStringAndConnectionProperties()
    {
        var resources = await PublishedManifest.ResourcesOfAsync(builder =>
        {
            var kafka = builder.AddKafka("kafka");
            builder.AddContainer("consumer", "example/consumer").WithReference(kafka);
        });

        var env = resources["consumer"]!["env"]!.AsObject();
        Assert.Equal("{kafka.connectionString}", (string?)env["ConnectionStrings__kafka"]);
        Assert.Equal("{kafka.bindings.tcp.host}", (string?)env["KAFKA_HOST"]);
        Assert.Equal("{kafka.bindings.tcp.port}", (string?)env["KAFKA_PORT"]);
    }

    [Fact]
    public async Task WithDataVolumeWritesTheVolumeAndLogDirs()
    {
        var resources = await PublishedManifest.ResourcesOfAsync(builder => builder.AddKafka("kafka").WithDataVolume("kafka-data"));

        var kafka = resources["kafka"]!;
        PublishedManifest.AssertJsonEqual("""[{ "name": "kafka-data", "target": "/var/lib/kafka/data", "readOnly": false }]""", kafka["volumes"]);
        Assert.Equal("/var/lib/kafka/data", (string?)kafka["env"]!["KAFKA_LOG_DIRS"]);
        AssertUnchangedApartFrom(kafka, "volumes", "KAFKA_LOG_DIRS");
    }

    [Fact]
    public async Task WithDataBindMountWritesTheBindMountAndLogDirs()
    {
        var resources = await PublishedManifest.ResourcesOfAsync(builder => builder.AddKafka("kafka").WithDataBindMount("kafka-data", isReadOnly: true));

        var kafka = resources["kafka"]!;
        var bindMount = Assert.Single(kafka["bindMounts"]!.AsArray())!;
        Assert.Equal("kafka-data", Path.GetFileName((string?)bindMount["source"]));
        Assert.Equal("/var/lib/kafka/data", (string?)bindMount["target"]);
        Assert.True((bool)bindMount["readOnly"]!);
        Assert.Equal("/var/lib/kafka/data", (string?)kafka["env"]!["KAFKA_LOG_DIRS"]);
        AssertUnchangedApartFrom(kafka, "bindMounts", "KAFKA_LOG_DIRS");
    }

    [Fact]
    public async Task WithKafkaUIIsNotInTheManifest()
    {
        var resources = await PublishedManifest.ResourcesOfAsync(builder => builder.AddKafka("kafka").WithKafkaUI());

        Assert.Equal(["kafka"], resources.Select(r => r.Key));
        PublishedManifest.AssertJsonEqual(AspireKafkaEntry, resources["kafka"]);
    }

    private static void AssertUnchangedApartFrom(JsonNode kafka, string mounts, string envName)
    {
        var copy = kafka.DeepClone().AsObject();
        copy.Remove(mounts);
        copy["env"]!.AsObject().Remove(envName);
        PublishedManifest.AssertJsonEqual(AspireKafkaEntry, copy);
    }
}

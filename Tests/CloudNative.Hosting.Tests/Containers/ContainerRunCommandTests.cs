using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Containers;
using CloudNative.Hosting.Kafka;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.Containers;

/// <summary>The <c>run</c> command for each backing service: Aspire's image, loopback port mappings, env names only, volumes.</summary>
public sealed class ContainerRunCommandTests : IDisposable
{
    private readonly IDistributedApplicationTestingBuilder _builder = DistributedApplicationTestingBuilder.Create();

    public void Dispose() => _builder.Dispose();

    [Fact]
    public void PostgresRunsAspiresImageWithItsPortAndVariables()
    {
        var postgres = _builder.AddPostgres("postgres");
        var replica = RunMode.Replica(postgres.Resource, ("tcp", 41001));

        var command = Build(postgres.Resource, replica, ["POSTGRES_USER", "POSTGRES_PASSWORD"], []);

        Assert.Equal(
        [
            "run", "--rm", "--name", replica.ReplicaId, .. Labels("postgres", replica),
            "-p", "127.0.0.1:41001:5432",
            "-e", "POSTGRES_USER", "-e", "POSTGRES_PASSWORD",
            "docker.io/library/postgres:17.6",
        ], command);
    }

    [Fact]
    public void PostgresDataVolumeIsNamedUnlessDataIsEphemeral()
    {
        var postgres = _builder.AddPostgres("postgres").WithDataVolume("pgdata");
        var replica = RunMode.Replica(postgres.Resource, ("tcp", 41002));

        var kept = Build(postgres.Resource, replica, [], [], ephemeralData: false);
        var ephemeral = Build(postgres.Resource, replica, [], [], ephemeralData: true);

        Assert.Equal("pgdata:/var/lib/postgresql/data", After(kept, "-v"));
        Assert.Equal("/var/lib/postgresql/data", After(ephemeral, "-v"));
    }

    [Fact]
    public void GeneratedVolumeNameFollowsAspire()
    {
        var postgres = _builder.AddPostgres("postgres").WithDataVolume();

        var mount = Assert.Single(postgres.Resource.Annotations.OfType<ContainerMountAnnotation>());

        Assert.Matches("^[a-z0-9._-]+-[0-9a-f]{10}-postgres-data$", mount.Source);
        Assert.Equal("/var/lib/postgresql/data", mount.Target);
        Assert.True(mount.IsVolume);
    }

    [Fact]
    public void RedisRunsTheServerThroughAShellSoThePasswordStaysInTheEnvironment()
    {
        var redis = _builder.AddRedis("cache");
        var replica = RunMode.Replica(redis.Resource, ("tcp", 41003));

        var command = Build(redis.Resource, replica, ["REDIS_PASSWORD"], ["-c", "redis-server --requirepass $REDIS_PASSWORD"]);

        Assert.Equal(
        [
            "run", "--rm", "--name", replica.ReplicaId, .. Labels("cache", replica),
            "-p", "127.0.0.1:41003:6379",
            "-e", "REDIS_PASSWORD",
            "--entrypoint", "/bin/sh",
            "docker.io/library/redis:8.2",
            "-c", "redis-server --requirepass $REDIS_PASSWORD",
        ], command);
    }

    [Fact]
    public void RedisDataVolumeMountsData()
    {
        var redis = _builder.AddRedis("cache").WithDataVolume("cachedata");
        var replica = RunMode.Replica(redis.Resource, ("tcp", 41004));

        Assert.Equal("cachedata:/data", After(Build(redis.Resource, replica, [], []), "-v"));
    }

    [Fact]
    public void KafkaPublishesBothListeners()
    {
        var kafka = _builder.AddKafka("kafka");
        var replica = RunMode.Replica(kafka.Resource, ("tcp", 41005), ("internal", 41006));

        var command = Build(kafka.Resource, replica, ["KAFKA_LISTENERS", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "KAFKA_ADVERTISED_LISTENERS"], []);

        Assert.Equal(
        [
            "run", "--rm", "--name", replica.ReplicaId, .. Labels("kafka", replica),
            "-p", "127.0.0.1:41005:9092", "-p", "127.0.0.1:41006:9093",
            "-e", "KAFKA_LISTENERS", "-e", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "-e", "KAFKA_ADVERTISED_LISTENERS",
            "docker.io/confluentinc/confluent-local:8.1.0",
        ], command);
    }

    [Fact]
    public void ReadOnlyBindMountIsMarked()
    {
        var container = _builder.AddResource(new ContainerResource("tool"))
            .WithAnnotation(new ContainerImageAnnotation("docker.io", "library/busybox", "1.37"))
            .WithAnnotation(new ContainerMountAnnotation("/etc/tool", "/config", IsVolume: false, IsReadOnly: true));

        var command = Build(container.Resource, RunMode.Replica(container.Resource), [], [], ephemeralData: true);

        Assert.Equal("/etc/tool:/config:ro", After(command, "-v"));
    }

    [Fact]
    public void ContainerWithoutImageIsRejected()
    {
        var container = _builder.AddResource(new ContainerResource("tool"));

        var error = Assert.Throws<DistributedApplicationException>(() => Build(container.Resource, RunMode.Replica(container.Resource), [], []));

        Assert.Contains("'tool' has no image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointWithoutTargetPortIsRejected()
    {
        var container = _builder.AddResource(new ContainerResource("tool"))
            .WithAnnotation(new ContainerImageAnnotation("docker.io", "library/busybox", "1.37"))
            .WithEndpoint("http", "http");

        var error = Assert.Throws<DistributedApplicationException>(() => Build(container.Resource, RunMode.Replica(container.Resource, ("http", 41007)), [], []));

        Assert.Contains("'tool' endpoint 'http' has no target port", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Build(ContainerResource container, ReplicaInstance replica, IEnumerable<string> env, IReadOnlyList<string> args, bool ephemeralData = false) =>
        ContainerRunCommand.Build(container, replica, env, args, ephemeralData);

    /// <summary>Which resource and which AppHost process a container belongs to, for <c>docker ps --filter label=…</c>.</summary>
    private static string[] Labels(string resourceName, ReplicaInstance replica) =>
        ["--label", $"cloudnative.resource={resourceName}", "--label", $"cloudnative.apphost.pid={Environment.ProcessId}"];

    private static string After(List<string> command, string option) => command[command.IndexOf(option) + 1];
}

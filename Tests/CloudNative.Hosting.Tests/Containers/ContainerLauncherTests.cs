using CloudNative.Hosting.Containers;
using CloudNative.Hosting.Kafka;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.Containers;

/// <summary>The process the container launcher describes: the CLI, the run command, and the secrets only in the CLI's environment.</summary>
public sealed class ContainerLauncherTests : IDisposable
{
    private const string Password = "Sup3r-Secret.value";

    private readonly IDistributedApplicationTestingBuilder _builder = DistributedApplicationTestingBuilder.Create();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("container-launcher-").FullName;
    private readonly ContainerRuntime _runtime = new("docker", "/opt/fake/docker");

    public void Dispose()
    {
        _builder.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task PostgresValuesTravelInTheEnvironmentNotOnTheCommandLine()
    {
        _builder.Configuration["Parameters:postgres-password"] = Password;
        var postgres = _builder.AddPostgres("postgres").WithDataVolume("pgdata");
        RunMode.Allocate(postgres.Resource, "tcp", 15432);
        var replica = RunMode.Replica(postgres.Resource, ("tcp", 41101));

        var spec = await LaunchAsync(postgres.Resource, replica);

        Assert.Equal("/opt/fake/docker", spec.FileName);
        Assert.Equal(_dataDirectory, spec.WorkingDirectory);
        Assert.Equal(
        [
            "run", "--rm", "--name", replica.ReplicaId,
            "--label", "cloudnative.resource=postgres", "--label", $"cloudnative.apphost.pid={Environment.ProcessId}",
            "-p", "127.0.0.1:41101:5432",
            "-e", "POSTGRES_HOST_AUTH_METHOD", "-e", "POSTGRES_INITDB_ARGS", "-e", "POSTGRES_USER", "-e", "POSTGRES_PASSWORD",
            "-v", "pgdata:/var/lib/postgresql/data",
            "docker.io/library/postgres:17.6",
        ], spec.Args);
        Assert.Equal(Password, spec.Environment["POSTGRES_PASSWORD"]);
        Assert.Equal("postgres", spec.Environment["POSTGRES_USER"]);
        Assert.DoesNotContain(spec.Args, arg => arg.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EphemeralPostgresDataUsesAnAnonymousVolume()
    {
        _builder.Configuration["Parameters:postgres-password"] = Password;
        var postgres = _builder.AddPostgres("postgres").WithDataVolume("pgdata");
        var replica = RunMode.Replica(postgres.Resource, ("tcp", 41102));

        var spec = await LaunchAsync(postgres.Resource, replica, ephemeralData: true);

        Assert.Contains("/var/lib/postgresql/data", spec.Args);
        Assert.DoesNotContain(spec.Args, arg => arg.StartsWith("pgdata", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RedisPasswordIsExpandedInsideTheContainer()
    {
        _builder.Configuration["Parameters:cache-password"] = Password;
        var redis = _builder.AddRedis("cache");
        var replica = RunMode.Replica(redis.Resource, ("tcp", 41103));

        var spec = await LaunchAsync(redis.Resource, replica);

        Assert.Equal(
        [
            "run", "--rm", "--name", replica.ReplicaId,
            "--label", "cloudnative.resource=cache", "--label", $"cloudnative.apphost.pid={Environment.ProcessId}",
            "-p", "127.0.0.1:41103:6379",
            "-e", "REDIS_PASSWORD",
            "--entrypoint", "/bin/sh",
            "docker.io/library/redis:8.2",
            "-c", "redis-server --requirepass $REDIS_PASSWORD",
        ], spec.Args);
        Assert.Equal(Password, spec.Environment["REDIS_PASSWORD"]);
    }

    [Fact]
    public async Task KafkaAdvertisesTheHostPortItPublishes()
    {
        var kafka = _builder.AddKafka("kafka");
        RunMode.Allocate(kafka.Resource, "tcp", 41104);
        RunMode.Allocate(kafka.Resource, "internal", 41105);
        var replica = RunMode.Replica(kafka.Resource, ("tcp", 41104), ("internal", 41105));

        var spec = await LaunchAsync(kafka.Resource, replica);

        Assert.Equal(
        [
            "run", "--rm", "--name", replica.ReplicaId,
            "--label", "cloudnative.resource=kafka", "--label", $"cloudnative.apphost.pid={Environment.ProcessId}",
            "-p", "127.0.0.1:41104:9092", "-p", "127.0.0.1:41105:9093",
            "-e", "KAFKA_LISTENERS", "-e", "KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "-e", "KAFKA_ADVERTISED_LISTENERS",
            "docker.io/confluentinc/confluent-local:8.1.0",
        ], spec.Args);
        Assert.Equal("PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:41104,PLAINTEXT_INTERNAL://kafka:9093", spec.Environment["KAFKA_ADVERTISED_LISTENERS"]);
    }

    [Fact]
    public void ContainersRestartAfterACrash() => Assert.True(((IResourceLauncher)new ContainerLauncher(new RedisResource("cache", null), _runtime)).RestartOnFailure);

    private Task<ProcessSpec> LaunchAsync(CloudNative.Hosting.ApplicationModel.ContainerResource container, ReplicaInstance replica, bool ephemeralData = false) =>
        new ContainerLauncher(container, _runtime).CreateProcessSpecAsync(RunMode.LaunchContext(container, _dataDirectory, ephemeralData), replica, CancellationToken.None);
}

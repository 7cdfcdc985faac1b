using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Kafka;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.Tests.Containers;

/// <summary>
/// The whole run path in container mode, against a fake CLI that records each <c>run</c> and exits: the
/// orchestrator picks container mode, starts the CLI with the run command and hands it the values.
/// </summary>
public sealed class ContainerModeTests
{
    [Fact]
    public async Task BackingServicesAreStartedThroughTheContainerCli()
    {
        using var cli = new FakeContainerCli();
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["AppHost:ContainerRuntimePath"] = cli.ExecutablePath;
        builder.Configuration["Parameters:postgres-password"] = "pg-secret-1";
        builder.Configuration["Parameters:cache-password"] = "cache-secret-2";
        builder.AddPostgres("postgres").WithDataVolume();
        builder.AddRedis("cache");
        await using var app = builder.Build();

        await app.StartAsync().WaitAsync(Timeouts.Default);
        var postgres = await app.ResourceNotifications.WaitForResourceAsync("postgres", KnownResourceStates.Finished).WaitAsync(Timeouts.Default);
        var cache = await app.ResourceNotifications.WaitForResourceAsync("cache", KnownResourceStates.Finished).WaitAsync(Timeouts.Default);

        Assert.Equal("container", postgres.Snapshot.Mode);
        Assert.Equal("container", cache.Snapshot.Mode);
        Assert.Contains(app.ResourceLogs.GetLines("postgres"), line => line.Content == FakeContainerCli.RecordedMarker);
        var runs = cli.Runs().ToDictionary(r => r.ContainerName.Split('-')[0]);

        var postgresRun = runs["postgres"];
        Assert.Matches("^postgres-[a-z]{8}$", postgresRun.ContainerName);
        Assert.Equal("docker.io/library/postgres:17.6", postgresRun.Args[^1]);
        Assert.Contains("/var/lib/postgresql/data", postgresRun.Args);
        Assert.Equal("pg-secret-1", postgresRun.Environment["POSTGRES_PASSWORD"]);
        Assert.Equal("scram-sha-256", postgresRun.Environment["POSTGRES_HOST_AUTH_METHOD"]);
        Assert.DoesNotContain(postgresRun.Args, arg => arg.Contains("pg-secret-1", StringComparison.Ordinal));

        var cacheRun = runs["cache"];
        Assert.Equal(["docker.io/library/redis:8.2", "-c", "redis-server --requirepass $REDIS_PASSWORD"], cacheRun.Args.TakeLast(3));
        Assert.Equal("cache-secret-2", cacheRun.Environment["REDIS_PASSWORD"]);
        Assert.Contains(cacheRun.Args, arg => arg.StartsWith("127.0.0.1:", StringComparison.Ordinal) && arg.EndsWith(":6379", StringComparison.Ordinal));

        // Each container is removed by name once its CLI has exited, in case the CLI was killed and --rm never ran.
        Assert.Equal(
            runs.Values.Select(r => r.ContainerName).Order(StringComparer.Ordinal),
            cli.Removals().Select(args => { Assert.Equal(["rm", "-f"], args.Take(2)); return args[2]; }).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ContainerRuntimeNoneRunsBackingServicesInProcessMode()
    {
        using var cli = new FakeContainerCli();
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["AppHost:ContainerRuntimePath"] = cli.ExecutablePath;
        builder.Configuration["AppHost:ContainerRuntime"] = "none";
        builder.Configuration["ConnectionStrings:cache"] = "localhost:6379";
        builder.AddKafka("kafka");
        builder.AddRedis("cache");
        await using var app = builder.Build();
        var launchers = app.Services.GetRequiredService<LauncherFactory>();

        Assert.Equal("process", launchers.ModeOf(builder.Resources.Single(r => r.Name == "kafka")));
        Assert.Equal("existing", launchers.ModeOf(builder.Resources.Single(r => r.Name == "cache")));
        Assert.Empty(cli.Runs());
    }
}

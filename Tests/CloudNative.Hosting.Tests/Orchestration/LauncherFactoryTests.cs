using CloudNative.Hosting.Containers;
using CloudNative.Hosting.Kafka;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.Tests.Orchestration;

/// <summary>How each resource runs: existing, container (a runtime answers) or process (local binaries).</summary>
public sealed class LauncherFactoryTests
{
    [Fact]
    public void BackingServicesRunAsContainersWhenARuntimeAnswers()
    {
        using var cli = new FakeContainerCli();
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["AppHost:ContainerRuntimePath"] = cli.ExecutablePath;
        var postgres = builder.AddPostgres("postgres");
        var db = postgres.AddDatabase("catalogdb");
        var launchers = Launchers(builder);

        Assert.Equal("container", launchers.ModeOf(postgres.Resource));
        Assert.Equal("container", launchers.ModeOf(db.Resource));
        Assert.IsType<ContainerLauncher>(launchers.Create(postgres.Resource));
        Assert.Null(launchers.Create(db.Resource));
    }

    [Fact]
    public void BackingServicesRunAsProcessesWithoutARuntime()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["AppHost:ContainerRuntime"] = "none";
        var postgres = builder.AddPostgres("postgres");
        var redis = builder.AddRedis("cache");
        var kafka = builder.AddKafka("kafka");
        var launchers = Launchers(builder);

        Assert.Equal(["process", "process", "process"], new[] { postgres.Resource, redis.Resource, (CloudNative.Hosting.ApplicationModel.IResource)kafka.Resource }.Select(launchers.ModeOf));
        Assert.IsType<PostgresProcessLauncher>(launchers.Create(postgres.Resource));
        Assert.IsType<RedisProcessLauncher>(launchers.Create(redis.Resource));
        Assert.IsType<KafkaDevBrokerLauncher>(launchers.Create(kafka.Resource));
    }

    [Fact]
    public void ConfiguredConnectionStringMeansAnExistingService()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["AppHost:ContainerRuntime"] = "none";
        builder.Configuration["ConnectionStrings:postgres"] = "Host=db.example;Username=app;Password=x";
        var postgres = builder.AddPostgres("postgres");
        var db = postgres.AddDatabase("catalogdb");
        var launchers = Launchers(builder);

        Assert.Equal(LauncherFactory.ExistingMode, launchers.ModeOf(postgres.Resource));
        Assert.Equal(LauncherFactory.ExistingMode, launchers.ModeOf(db.Resource));
        Assert.Null(launchers.Create(postgres.Resource));
    }

    [Fact]
    public void ProjectsAndExecutablesKeepTheirOwnMode()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));
        var tool = builder.AddExecutable("tool", "true", ".");
        var parameter = builder.AddParameter("p", "v");
        var launchers = Launchers(builder);

        Assert.Equal("project", launchers.ModeOf(catalog.Resource));
        Assert.Equal("executable", launchers.ModeOf(tool.Resource));
        Assert.Equal("value", launchers.ModeOf(parameter.Resource));
        Assert.IsType<ProjectLauncher>(launchers.Create(catalog.Resource));
        Assert.IsType<ExecutableLauncher>(launchers.Create(tool.Resource));
        Assert.Null(launchers.Create(parameter.Resource));
    }

    private static LauncherFactory Launchers(IDistributedApplicationBuilder builder) =>
        new(builder.Configuration, new ServiceCollection().BuildServiceProvider(), FakeProjects.BuildConfiguration);
}

using CloudNative.Hosting.Containers;
using CloudNative.Hosting.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace CloudNative.Hosting.Tests.Containers;

/// <summary>Which container CLI the AppHost uses, against fake CLIs (no container engine runs here).</summary>
public sealed class ContainerRuntimeDetectionTests
{
    [Fact]
    public void ConfiguredCliWhoseEngineAnswersIsPicked()
    {
        using var cli = new FakeContainerCli();

        var runtime = ContainerRuntime.Detect(Configuration(("AppHost:ContainerRuntimePath", cli.ExecutablePath)));

        Assert.NotNull(runtime);
        Assert.Equal("docker", runtime.Name);
        Assert.Equal(cli.ExecutablePath, runtime.ExecutablePath);
    }

    [Fact]
    public void ConfiguredPodmanIsNamedPodman()
    {
        using var cli = new FakeContainerCli(fileName: "podman");

        var runtime = ContainerRuntime.Detect(Configuration(("AppHost:ContainerRuntimePath", cli.ExecutablePath)));

        Assert.Equal(new ContainerRuntime("podman", cli.ExecutablePath), runtime);
    }

    [Fact]
    public void AspireRuntimeVariableNamesTheCli()
    {
        using var cli = new FakeContainerCli();

        var runtime = ContainerRuntime.Detect(Configuration(("AppHost:ContainerRuntimePath", cli.ExecutablePath), ("ASPIRE_CONTAINER_RUNTIME", "podman")));

        Assert.Equal(new ContainerRuntime("podman", cli.ExecutablePath), runtime);
    }

    [Fact]
    public void NoneForcesProcessMode()
    {
        using var cli = new FakeContainerCli();

        var runtime = ContainerRuntime.Detect(Configuration(("AppHost:ContainerRuntimePath", cli.ExecutablePath), ("AppHost:ContainerRuntime", "none")));

        Assert.Null(runtime);
    }

    [Fact]
    public void CliWhoseInfoFailsIsRejected()
    {
        using var cli = new FakeContainerCli(infoExitCode: 1);

        Assert.Null(ContainerRuntime.Detect(Configuration(("AppHost:ContainerRuntimePath", cli.ExecutablePath))));
    }

    [Fact]
    public void MissingCliIsRejected()
    {
        using var cli = new FakeContainerCli();

        Assert.Null(ContainerRuntime.Detect(Configuration(("AppHost:ContainerRuntimePath", Path.Combine(cli.Directory, "no-such-cli")))));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}

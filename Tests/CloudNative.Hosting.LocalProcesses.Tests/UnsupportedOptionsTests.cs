namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>Container options a process cannot honour are each named once in the resource's log, then the process runs.</summary>
[Collection(DcpAppsCollection.Name)]
public sealed class UnsupportedOptionsTests
{
    [Fact]
    public async Task EachOptionIsNamedOnce()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var builder = TestApps.Create();
        builder.AddService("svc", new CommandRecipe("sleep", "300"))
            .WithLifetime(ContainerLifetime.Persistent)
            .WithContainerName("svc-container")
            .WithContainerRuntimeArgs("--privileged");
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);
        await app.WaitForStateAsync("svc", KnownResourceStates.Running, timeout.Token);

        var log = await app.LogUntilAsync("svc", line => line.Contains("Running as a local process", StringComparison.Ordinal), timeout.Token);

        Assert.Single(log, line => line.Contains("Not applied in local-process mode: WithLifetime(ContainerLifetime.Persistent)", StringComparison.Ordinal));
        Assert.Single(log, line => line.Contains("Not applied in local-process mode: WithContainerName(\"svc-container\")", StringComparison.Ordinal));
        Assert.Single(log, line => line.Contains("Not applied in local-process mode: WithContainerRuntimeArgs", StringComparison.Ordinal));
        Assert.Equal(3, log.Count(line => line.Contains("Not applied in local-process mode", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARecipesOwnUnsupportedOptionIsNamedToo()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var builder = TestApps.Create();
        builder.AddService("svc", new CommandRecipe("sleep", "300") { UnsupportedOptions = ["WithInitFiles: run them from the service instead."] });
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        var log = await app.LogUntilAsync("svc", line => line.Contains("Running as a local process", StringComparison.Ordinal), timeout.Token);

        Assert.Equal(
            ["Not applied in local-process mode: WithInitFiles: run them from the service instead."],
            log.Where(line => line.Contains("Not applied", StringComparison.Ordinal)).Select(line => line[line.IndexOf("Not applied", StringComparison.Ordinal)..]));
    }
}

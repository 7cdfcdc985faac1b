namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>What stops a local process from starting at all ends in FailedToStart with the reason in the resource's log.</summary>
[Collection(DcpAppsCollection.Name)]
public sealed class StartFailureTests
{
    [Fact]
    public async Task ARecipeThatFailsToPrepareFailsToStart()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var builder = TestApps.Create();
        builder.AddService("svc", new CommandRecipe("sleep", "300") { PrepareFailure = new DistributedApplicationException("initdb exited with code 1: disk full") });
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        await app.WaitForStateAsync("svc", KnownResourceStates.FailedToStart, timeout.Token);

        await app.LogUntilAsync("svc", line => line.Contains("Resource 'svc' failed to start: initdb exited with code 1: disk full", StringComparison.Ordinal), timeout.Token);
    }

    [Fact]
    public async Task AVolumeRootThatIsAFileFailsToStartNamingIt()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var blocker = Path.GetTempFileName();
        try
        {
            var builder = TestApps.Create("LocalProcesses:Ephemeral=false", $"LocalProcesses:VolumeRoot={blocker}");
            var svc = builder.AddService("svc", new CommandRecipe("sleep", "300") { DataMountTarget = "/data" }).WithVolume("svc-data", "/data");
            builder.AddExecutable("client", "sleep", Path.GetTempPath(), "300").WaitFor(svc);
            await using var app = builder.Build();
            await app.StartAsync(timeout.Token);

            await app.WaitForStateAsync("svc", KnownResourceStates.FailedToStart, timeout.Token);
            await app.WaitForStateAsync("client", KnownResourceStates.FailedToStart, timeout.Token);

            await app.LogUntilAsync("svc", line => line.Contains("Resource 'svc'", StringComparison.Ordinal) && line.Contains(blocker, StringComparison.Ordinal), timeout.Token);
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}

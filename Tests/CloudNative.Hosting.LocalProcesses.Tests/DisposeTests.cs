namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>Disposing the app stops its local processes, cleanly: no exception, no process, no temporary data left.</summary>
[Collection(DcpAppsCollection.Name)]
public sealed class DisposeTests
{
    [Fact]
    public async Task DisposingTheAppStopsTheProcessAndRemovesItsTemporaryData()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var builder = TestApps.Create();
        builder.AddService("svc", new CommandRecipe("sleep", "300"));
        var app = builder.Build();
        ResourceEvent running;
        try
        {
            await app.StartAsync(timeout.Token);
            running = await app.ResourceNotifications.WaitForResourceAsync(
                "svc", e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Pid() is not null, timeout.Token);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        await app.DisposeAsync().AsTask().WaitAsync(timeout.Token);

        Assert.False(Directory.Exists($"/proc/{running.Pid()}"), $"pid {running.Pid()} still runs");
        var workingDirectory = Assert.IsType<string>(running.Snapshot.Properties.Single(p => p.Name == "executable.workDir").Value);
        Assert.False(Directory.Exists(workingDirectory));
    }
}

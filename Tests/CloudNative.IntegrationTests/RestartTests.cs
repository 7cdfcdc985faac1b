using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class RestartTests(AppHostFixture fixture)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(90);

    /// <summary>A crashed backing process is shown as exited, restarted with backoff, and healthy again.</summary>
    [Fact]
    public async Task KilledRedisComesBackHealthy()
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        var notifications = fixture.App.ResourceNotifications;
        Assert.True(notifications.TryGetCurrentState("cache", out var before));
        var pid = before.Pid() ?? throw new InvalidOperationException("cache shows no pid.");

        var exited = notifications.WaitForResourceAsync("cache", e => e.Snapshot.State?.Text == KnownResourceStates.Exited, timeout.Token);
        Process.GetProcessById(pid).Kill();
        var exitedEvent = await exited;

        var back = await notifications.WaitForResourceAsync("cache",
            e => e.Pid() is { } newPid && newPid != pid && e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == HealthStatus.Healthy,
            timeout.Token);

        Assert.NotNull(exitedEvent.Snapshot.ExitCode);
        Assert.NotEqual(pid, back.Pid());
    }
}

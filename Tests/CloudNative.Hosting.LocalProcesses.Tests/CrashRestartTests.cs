using System.Diagnostics;

namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>A recipe's process that dies is started again (after the backoff's first second): Exited, then Running with a new pid.</summary>
[Collection(DcpAppsCollection.Name)]
public sealed class CrashRestartTests
{
    [Fact]
    public async Task AKilledProcessIsRestartedWithANewPid()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var builder = TestApps.Create();
        builder.AddService("svc", new CommandRecipe("sleep", "300"));
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);
        var first = (await app.ResourceNotifications.WaitForResourceAsync(
            "svc", e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Pid() is not null, timeout.Token)).Pid()!.Value;

        var (exitCode, restarted) = await ExitThenRunningAsync(app, first, () =>
        {
            using var process = Process.GetProcessById(first);
            process.Kill();
        }, timeout.Token);

        Assert.Equal(128 + 9, exitCode);
        Assert.NotEqual(first, restarted.Pid());
    }

    [Fact]
    public async Task AProcessThatExitsIsRestartedAndItsExitCodeLogged()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var builder = TestApps.Create();
        builder.AddService("svc", new CommandRecipe("sh", "-c", "exit 3"));
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        var (exitCode, _) = await ExitThenRunningAsync(app, pid: null, () => { }, timeout.Token);

        Assert.Equal(3, exitCode);
        await app.LogUntilAsync("svc", line => line.Contains("The process exited unexpectedly with code 3; restarting in 1 s.", StringComparison.Ordinal), timeout.Token);
    }

    /// <summary>Watches from the current state on, runs <paramref name="crash"/>, and returns the exit code and the next Running state.</summary>
    private static async Task<(int? ExitCode, ResourceEvent Running)> ExitThenRunningAsync(DistributedApplication app, int? pid, Action crash, CancellationToken cancellationToken)
    {
        var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int? exitCode = null;
        var exited = false;
        var running = app.ResourceNotifications.WaitForResourceAsync("svc", e =>
        {
            watching.TrySetResult();
            if (e.Snapshot.State?.Text == KnownResourceStates.Exited && !exited)
            {
                exited = true;
                exitCode = e.Snapshot.ExitCode;
                return false;
            }

            return exited && e.Snapshot.State?.Text == KnownResourceStates.Running && e.Pid() != pid;
        }, cancellationToken);

        // The current state comes first: from then on no transition can be missed.
        await watching.Task.WaitAsync(cancellationToken);
        crash();
        var restarted = await running;
        return (exitCode, restarted);
    }
}

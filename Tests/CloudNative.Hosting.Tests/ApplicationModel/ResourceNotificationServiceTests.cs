using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.Hosting.Tests.ApplicationModel;

/// <summary>Waiting for states and health as Aspire's ResourceNotificationService does (aspire-contracts §7.3, §7.4).</summary>
public sealed class ResourceNotificationServiceTests : IDisposable
{
    private readonly ResourceNotificationService _notifications = new();
    private readonly TestResource _db = new("db");

    public void Dispose() => _notifications.Dispose();

    [Fact]
    public async Task HealthyWaitReturnsWhenRunningWithEveryReportHealthy()
    {
        var wait = _notifications.WaitForResourceHealthyAsync("db");

        await PublishAsync(KnownResourceStates.Starting);
        await PublishAsync(KnownResourceStates.Running, HealthStatus.Healthy, HealthStatus.Healthy);
        var resourceEvent = await wait.WaitAsync(Timeouts.Default);

        Assert.Equal(KnownResourceStates.Running, resourceEvent.Snapshot.State);
        Assert.Equal(HealthStatus.Healthy, resourceEvent.Snapshot.HealthStatus);
    }

    [Fact]
    public async Task HealthyWaitReturnsAtOnceForARunningResourceWithoutChecks()
    {
        await PublishAsync(KnownResourceStates.Running);

        var resourceEvent = await _notifications.WaitForResourceHealthyAsync("db").WaitAsync(Timeouts.Default);

        Assert.Empty(resourceEvent.Snapshot.HealthReports);
    }

    [Fact]
    public async Task HealthyWaitKeepsWaitingWhileAReportIsPendingOrUnhealthy()
    {
        var wait = _notifications.WaitForResourceHealthyAsync("db");

        await PublishAsync(KnownResourceStates.Running, HealthStatus.Healthy, null);
        await PublishAsync(KnownResourceStates.Running, HealthStatus.Healthy, HealthStatus.Unhealthy);
        await PublishAsync(KnownResourceStates.Running, HealthStatus.Degraded, HealthStatus.Healthy);
        Assert.False(wait.IsCompleted);
        await PublishAsync(KnownResourceStates.Running, HealthStatus.Healthy, HealthStatus.Healthy);
        var resourceEvent = await wait.WaitAsync(Timeouts.Default);

        // Had it returned on an earlier event, this would be that event.
        Assert.All(resourceEvent.Snapshot.HealthReports, r => Assert.Equal(HealthStatus.Healthy, r.Status));
    }

    [Fact]
    public async Task HealthyWaitIsNotSatisfiedByHealthyReportsOutsideRunning()
    {
        var wait = _notifications.WaitForResourceHealthyAsync("db", WaitBehavior.WaitOnResourceUnavailable);

        await PublishAsync(KnownResourceStates.Starting, HealthStatus.Healthy);
        await PublishAsync(KnownResourceStates.Stopping, HealthStatus.Healthy);
        await PublishAsync(KnownResourceStates.Running, HealthStatus.Healthy);
        var resourceEvent = await wait.WaitAsync(Timeouts.Default);

        Assert.Equal(KnownResourceStates.Running, resourceEvent.Snapshot.State);
    }

    [Theory]
    [InlineData(KnownResourceStates.FailedToStart)]
    [InlineData(KnownResourceStates.Exited)]
    [InlineData(KnownResourceStates.Finished)]
    [InlineData(KnownResourceStates.RuntimeUnhealthy)]
    public async Task HealthyWaitFailsWhenTheResourceBecomesUnavailable(string state)
    {
        var wait = _notifications.WaitForResourceHealthyAsync("db");

        await PublishAsync(KnownResourceStates.Starting);
        await _notifications.PublishUpdateAsync(_db, s => s with { State = state, ExitCode = 3 });
        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => wait.WaitAsync(Timeouts.Default));

        Assert.Contains("'db'", error.Message, StringComparison.Ordinal);
        Assert.Contains(state, error.Message, StringComparison.Ordinal);
        Assert.Contains("exit code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("console logs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthyWaitFailsForAResourceThatAlreadyFailed()
    {
        await PublishAsync(KnownResourceStates.FailedToStart);

        await Assert.ThrowsAsync<DistributedApplicationException>(() => _notifications.WaitForResourceHealthyAsync("db").WaitAsync(Timeouts.Default));
    }

    [Fact]
    public async Task WaitOnResourceUnavailableKeepsWaitingThroughFailures()
    {
        var wait = _notifications.WaitForResourceHealthyAsync("db", WaitBehavior.WaitOnResourceUnavailable);

        await PublishAsync(KnownResourceStates.FailedToStart);
        await PublishAsync(KnownResourceStates.Exited);
        await PublishAsync(KnownResourceStates.Starting);
        await PublishAsync(KnownResourceStates.Running, HealthStatus.Healthy);
        var resourceEvent = await wait.WaitAsync(Timeouts.Default);

        Assert.Equal(HealthStatus.Healthy, resourceEvent.Snapshot.HealthStatus);
    }

    [Fact]
    public async Task WaitForStateSeesTheCurrentState()
    {
        await PublishAsync(KnownResourceStates.Running);

        var resourceEvent = await _notifications.WaitForResourceAsync("DB", KnownResourceStates.Running).WaitAsync(Timeouts.Default);

        Assert.Same(_db, resourceEvent.Resource);
    }

    [Fact]
    public async Task WaitForStateIgnoresOtherResources()
    {
        var other = new TestResource("cache");
        var wait = _notifications.WaitForResourceAsync("db", KnownResourceStates.Running);

        await _notifications.PublishUpdateAsync(other, s => s with { State = KnownResourceStates.Running });
        await PublishAsync(KnownResourceStates.Running);
        var resourceEvent = await wait.WaitAsync(Timeouts.Default);

        Assert.Same(_db, resourceEvent.Resource);
    }

    [Fact]
    public async Task CancelledWaitThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var wait = _notifications.WaitForResourceHealthyAsync("db", cancellationToken: cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Timeouts.Default));
    }

    [Fact]
    public async Task DisposingEndsEveryWait()
    {
        var wait = _notifications.WaitForResourceAsync("db", KnownResourceStates.Running);

        _notifications.Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(Timeouts.Default));
    }

    [Fact]
    public async Task WatchersSeeConcurrentUpdatesInTheOrderTheyWereApplied()
    {
        const int Publishers = 4;
        const int UpdatesEach = 500;
        using var cancellation = new CancellationTokenSource(Timeouts.Default);
        await _notifications.PublishUpdateAsync(_db, s => s with { ExitCode = 0 });
        var watching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<int>();
        var watcher = Task.Run(async () =>
        {
            await foreach (var resourceEvent in _notifications.WatchAsync(cancellation.Token))
            {
                seen.Add(resourceEvent.Snapshot.ExitCode!.Value);
                watching.TrySetResult();
                if (seen.Count == (Publishers * UpdatesEach) + 1)
                {
                    return;
                }
            }
        });
        await watching.Task.WaitAsync(Timeouts.Default);

        // Each update derives from the previous snapshot, so the sequence numbers are the order of application.
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < UpdatesEach; i++)
            {
                await _notifications.PublishUpdateAsync(_db, s => s with { ExitCode = s.ExitCode + 1 });
            }
        })));
        await watcher.WaitAsync(Timeouts.Default);

        Assert.Equal(Enumerable.Range(0, (Publishers * UpdatesEach) + 1), seen);
    }

    [Fact]
    public async Task SnapshotsStartWithTheResourceType()
    {
        await PublishAsync(KnownResourceStates.Running);

        Assert.True(_notifications.TryGetCurrentState("db", out var resourceEvent));
        Assert.Equal("Test", resourceEvent.Snapshot.ResourceType);
    }

    private Task PublishAsync(string state, params HealthStatus?[] reports) =>
        _notifications.PublishUpdateAsync(_db, s => s with
        {
            State = state,
            HealthReports = [.. reports.Select((status, i) => new HealthReportSnapshot($"check{i}", status, null, null))],
        });
}

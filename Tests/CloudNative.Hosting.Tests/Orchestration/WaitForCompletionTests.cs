using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.Hosting.Tests.Orchestration;

/// <summary>
/// The orchestrator's WaitFor and WaitForCompletion with short-lived <c>sh</c> executables: the dependent starts only
/// when the dependency finished as expected, and fails with Aspire's message otherwise (aspire-contracts §7.4).
/// </summary>
public sealed class WaitForCompletionTests
{
    [Fact]
    public async Task DependentStartsAfterTheExpectedExitCodeAndFailsOnAnotherOne()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var job = builder.AddExecutable("job", "sh", ".", "-c", "exit 3");
        builder.AddExecutable("expects3", "sh", ".", "-c", "exit 0").WaitForCompletion(job, exitCode: 3);
        builder.AddExecutable("expects0", "sh", ".", "-c", "exit 0").WaitForCompletion(job);
        await using var app = builder.Build();

        await app.StartAsync().WaitAsync(Timeouts.Default);
        var jobDone = await app.ResourceNotifications.WaitForResourceAsync("job", KnownResourceStates.Exited).WaitAsync(Timeouts.Default);
        var started = await app.ResourceNotifications.WaitForResourceAsync("expects3", KnownResourceStates.Finished).WaitAsync(Timeouts.Default);
        await app.ResourceNotifications.WaitForResourceAsync("expects0", KnownResourceStates.FailedToStart).WaitAsync(Timeouts.Default);

        Assert.Equal(3, jobDone.Snapshot.ExitCode);
        Assert.Equal(0, started.Snapshot.ExitCode);
        Assert.Contains(app.ResourceLogs.GetLines("expects0"), line =>
            line.Content == "Resource 'job' has entered the 'Exited' state with exit code '3', expected '0'.");
    }

    [Fact]
    public async Task WaitForFailsTheDependentWhenTheDependencyExitsBeforeItIsHealthy()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        HealthCheckRegistrations.Add(builder, "broken_check", _ => Task.FromResult(HealthCheckResult.Unhealthy("not yet")));
        var broken = builder.AddExecutable("broken", "sh", ".", "-c", "exit 7").WithHealthCheck("broken_check");
        builder.AddExecutable("api", "sh", ".", "-c", "exit 0").WaitFor(broken);
        await using var app = builder.Build();

        await app.StartAsync().WaitAsync(Timeouts.Default);
        await app.ResourceNotifications.WaitForResourceAsync("api", KnownResourceStates.FailedToStart).WaitAsync(Timeouts.Default);

        Assert.Contains(app.ResourceLogs.GetLines("api"), line =>
            line.Content.Contains("Stopped waiting for resource 'broken'", StringComparison.Ordinal) && line.Content.Contains("exit code 7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WaitOnResourceUnavailableKeepsTheDependentWaiting()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        HealthCheckRegistrations.Add(builder, "broken_check", _ => Task.FromResult(HealthCheckResult.Unhealthy("not yet")));
        var broken = builder.AddExecutable("broken", "sh", ".", "-c", "exit 7").WithHealthCheck("broken_check");
        builder.AddExecutable("api", "sh", ".", "-c", "exit 0").WaitFor(broken, WaitBehavior.WaitOnResourceUnavailable);
        await using var app = builder.Build();

        await app.StartAsync().WaitAsync(Timeouts.Default);
        await app.ResourceNotifications.WaitForResourceAsync("broken", KnownResourceStates.Exited).WaitAsync(Timeouts.Default);

        Assert.True(app.ResourceNotifications.TryGetCurrentState("api", out var api));
        Assert.Equal(KnownResourceStates.Waiting, api.Snapshot.State);
    }

    [Fact]
    public async Task UnregisteredHealthCheckKeepsTheResourceUnhealthy()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddExecutable("svc", "sh", ".", "-c", "exec sleep 600").WithHealthCheck("svc_typo_check");
        await using var app = builder.Build();

        await app.StartAsync().WaitAsync(Timeouts.Default);
        var svc = await app.ResourceNotifications.WaitForResourceAsync("svc", e =>
            e.Snapshot.State == KnownResourceStates.Running && e.Snapshot.HealthReports.Any(r => r.Status is not null)).WaitAsync(Timeouts.Default);

        var report = Assert.Single(svc.Snapshot.HealthReports);
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("No health check is registered under 'svc_typo_check'", report.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, svc.Snapshot.HealthStatus);
    }

    [Fact]
    public async Task WaitingResourceStartsInWaiting()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var slow = builder.AddExecutable("slow", "sh", ".", "-c", "exec sleep 600");
        builder.AddExecutable("api", "sh", ".", "-c", "exit 0").WaitForCompletion(slow);
        await using var app = builder.Build();

        await app.StartAsync().WaitAsync(Timeouts.Default);

        Assert.True(app.ResourceNotifications.TryGetCurrentState("api", out var api));
        Assert.Equal(KnownResourceStates.Waiting, api.Snapshot.State);
        Assert.Equal("executable", api.Snapshot.Mode);
    }
}

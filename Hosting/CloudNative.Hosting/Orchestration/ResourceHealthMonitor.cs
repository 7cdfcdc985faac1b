using System.Collections.Immutable;
using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// Runs a resource's health checks while it is Running. Aspire polls every second or more while unhealthy;
/// we start faster (100 ms steps) because start-up latency on a 2-core machine adds up across the WaitFor graph,
/// and re-check every 5 s once healthy. A state change (a crash, a restart) triggers an immediate re-check.
/// </summary>
internal sealed class ResourceHealthMonitor(IResource resource, HealthCheckService healthChecks, ResourceNotificationService notifications)
{
    private static readonly TimeSpan s_healthyInterval = TimeSpan.FromSeconds(5);

    private readonly ImmutableHashSet<string> _keys = [.. resource.Annotations.OfType<HealthCheckAnnotation>().Select(a => a.Key)];

    /// <summary>Runs until <paramref name="stopping"/> is cancelled, which ends it quietly.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await MonitorAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task MonitorAsync(CancellationToken stopping)
    {
        if (_keys.IsEmpty)
        {
            return;
        }

        var unhealthyCount = 0;
        while (!stopping.IsCancellationRequested)
        {
            await notifications.WaitForResourceAsync(resource.Name, KnownResourceStates.Running, stopping).ConfigureAwait(false);
            var report = await healthChecks.CheckHealthAsync(r => _keys.Contains(r.Name), stopping).ConfigureAwait(false);
            ImmutableArray<HealthReportSnapshot> reports = [.. _keys.Select(key => report.Entries.TryGetValue(key, out var entry)
                ? new HealthReportSnapshot(key, entry.Status, entry.Description, entry.Exception?.Message)
                : Unregistered(key))];
            await notifications.PublishUpdateAsync(resource, s => s.State == KnownResourceStates.Running ? s with { HealthReports = reports } : s).ConfigureAwait(false);

            unhealthyCount = reports.All(r => r.Status == HealthStatus.Healthy) ? 0 : unhealthyCount + 1;
            var delay = unhealthyCount == 0 ? s_healthyInterval : TimeSpan.FromMilliseconds(100 * Math.Min(10, unhealthyCount));
            await WaitForDelayOrStateChangeAsync(delay, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>A key nothing is registered under would otherwise vanish from the reports and leave the resource Healthy.</summary>
    private HealthReportSnapshot Unregistered(string key) => new(key, HealthStatus.Unhealthy,
        $"No health check is registered under '{key}' for resource '{resource.Name}'. Register one with builder.Services.AddHealthChecks().Add…(\"{key}\", …), or use WithHttpHealthCheck.", null);

    private async Task WaitForDelayOrStateChangeAsync(TimeSpan delay, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var stateChanged = notifications.WaitForResourceAsync(resource.Name, e => e.Snapshot.State != KnownResourceStates.Running, linked.Token);
        await Task.WhenAny(Task.Delay(delay, linked.Token), stateChanged).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        try
        {
            await stateChanged.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The delay ended first; the state watch was only cancelled.
        }

        stopping.ThrowIfCancellationRequested();
    }
}

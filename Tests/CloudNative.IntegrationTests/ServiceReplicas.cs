using System.Diagnostics;

namespace CloudNative.IntegrationTests;

/// <summary>A service's replicas as DCP runs them: one process each, to be killed like a crashed pod.</summary>
internal static class ServiceReplicas
{
    /// <summary>The process ids of the service's running replicas, once <paramref name="count"/> of them show one.</summary>
    public static async Task<IReadOnlyList<int>> PidsAsync(DistributedApplication app, string service, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var pids = new Dictionary<string, int>();
        await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (resourceEvent.Resource.Name == service && resourceEvent.Snapshot.State?.Text == KnownResourceStates.Running && resourceEvent.Pid() is { } pid)
            {
                pids[resourceEvent.ResourceId] = pid;
                if (pids.Count == count)
                {
                    return [.. pids.Values];
                }
            }
        }

        throw new InvalidOperationException($"Found {pids.Count} of {count} running {service} replicas.");
    }

    /// <summary>SIGKILL: no shutdown, no leaving the consumer group, no closing connections cleanly.</summary>
    public static async Task KillAsync(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill();
        await process.WaitForExitAsync();
    }
}

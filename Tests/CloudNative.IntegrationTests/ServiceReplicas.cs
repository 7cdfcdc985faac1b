using System.Diagnostics;

namespace CloudNative.IntegrationTests;

/// <summary>
/// One replica of a service as DCP runs it: the process DCP started (<c>dotnet Service.dll</c>, or <c>dotnet run</c>
/// with the service's own process beneath it, when AppHost:LaunchServicesWithDotnetRun asks for it). The whole tree is
/// killed, so no service process is left running as an orphan either way.
/// </summary>
internal sealed record ServiceReplica(int Pid)
{
    public IReadOnlyCollection<int> Processes => ProcessTree.WithDescendants(Pid);

    /// <summary>SIGKILL to the whole replica: no shutdown, no leaving the consumer group, no closing connections cleanly.</summary>
    public async Task KillAsync()
    {
        using var process = Process.GetProcessById(Pid);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }
}

internal static class ServiceReplicas
{
    /// <summary>The service's running replicas, once <paramref name="count"/> of them show a process id.</summary>
    public static async Task<IReadOnlyList<ServiceReplica>> OfAsync(DistributedApplication app, string service, int count)
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
                    return [.. pids.Values.Select(p => new ServiceReplica(p))];
                }
            }
        }

        throw new InvalidOperationException($"Found {pids.Count} of {count} running {service} replicas.");
    }
}

namespace CloudNative.IntegrationTests;

// The gateway's replicas as DCP runs them: each listens on its own port behind Aspire's proxy (the fixed public port).
// Every connection through the proxy comes from the proxy's own loopback address, so tests that need the gateway to
// see different client addresses talk to the replicas directly.
internal static class GatewayReplicas
{
    public static async Task<IReadOnlyList<Uri>> DirectAddressesAsync(DistributedApplication app, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var replicas = new Dictionary<string, Uri>();
        try
        {
            await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(timeout.Token))
            {
                // Healthy, not just running: the fixture waits for the gateway, which one healthy replica satisfies.
                if (resourceEvent.Resource.Name != "gateway" || resourceEvent.Snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                {
                    continue;
                }

                // The replica's own address, e.g. "http://localhost:25276"; connected to over IPv4 so the client can choose
                // its loopback source address.
                var urls = resourceEvent.Snapshot.EnvironmentVariables.FirstOrDefault(e => e.Name == "ASPNETCORE_URLS")?.Value;
                if (urls?.Split(';')[0] is { } url && Uri.TryCreate(url, UriKind.Absolute, out var address))
                {
                    replicas[resourceEvent.ResourceId] = new Uri($"http://127.0.0.1:{address.Port}");
                    if (replicas.Count == count)
                    {
                        return [.. replicas.Values];
                    }
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }

        throw new InvalidOperationException($"Found {replicas.Count} of {count} healthy gateway replicas with an ASPNETCORE_URLS.");
    }
}

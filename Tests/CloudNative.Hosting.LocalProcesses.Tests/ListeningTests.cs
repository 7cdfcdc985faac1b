using System.Net.Sockets;

namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>A recipe with a listening endpoint is Starting until its port accepts connections, then Running.</summary>
[Collection(DcpAppsCollection.Name)]
public sealed class ListeningTests : IDisposable
{
    private readonly string _gate = Directory.CreateTempSubdirectory("cloudnative-listening-").FullName;

    [Fact]
    public async Task RunningOnlyOnceThePortAcceptsConnections()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var builder = TestApps.Create();
        // The process is up (it wrote 'started') but opens its port only when the test creates 'open'.
        var script = $"touch '{_gate}/started'; while [ ! -e '{_gate}/open' ]; do sleep 0.05; done; exec redis-server --port \"$PORT\" --bind 127.0.0.1 --save ''";
        builder.AddService("svc", new CommandRecipe("sh", "-c", script) { ListeningEndpointName = "tcp", RequiredBinaries = [new("redis-server", "Install redis-server.")] })
            .WithEndpoint(targetPort: 6379, name: "tcp");
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        await WaitForFileAsync(Path.Combine(_gate, "started"), timeout.Token);
        Assert.True(app.ResourceNotifications.TryGetCurrentState("svc", out var before));
        Assert.Equal(KnownResourceStates.Starting, before.Snapshot.State?.Text);

        await File.WriteAllTextAsync(Path.Combine(_gate, "open"), "", timeout.Token);
        await app.WaitForStateAsync("svc", KnownResourceStates.Running, timeout.Token);

        var port = app.GetEndpoint("svc", "tcp").Port;
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, timeout.Token);
        await app.LogUntilAsync("svc", line => line.Contains($"Accepting connections on port {port}", StringComparison.Ordinal), timeout.Token);
    }

    /// <summary>The script signals nothing but a file, so the test looks for it until it appears (bounded by the token).</summary>
    private static async Task WaitForFileAsync(string path, CancellationToken cancellationToken)
    {
        while (!File.Exists(path))
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    public void Dispose() => Directory.Delete(_gate, recursive: true);
}

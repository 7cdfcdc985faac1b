using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Catalog.Api.Tests.Infrastructure;

/// <summary>A throwaway redis-server on a free loopback port, nothing persisted: the catalog's L2 cache.</summary>
sealed class RedisServer : IAsyncDisposable
{
    readonly Process process;

    RedisServer(Process process, int port)
    {
        this.process = process;
        ConnectionString = $"127.0.0.1:{port}";
    }

    public string ConnectionString { get; }

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        var server = new RedisServer(Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-server."), port);
        try
        {
            // redis-server logs this line once it accepts connections.
            while (await server.process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
                {
                    _ = server.process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return server;
                }
            }

            throw new InvalidOperationException("redis-server exited before it was ready.");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}

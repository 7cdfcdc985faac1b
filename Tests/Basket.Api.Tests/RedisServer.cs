using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Basket.Api.Tests;

// A throwaway redis-server from the machine's own binary on a free loopback port, in memory only (no RDB, no AOF).
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
        var port = FreePort();
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-server; install the redis-server package.");
        var server = new RedisServer(process, port);
        try
        {
            await WaitUntilReadyAsync(process, cancellationToken);
            return server;
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

    // Redis logs this line to stdout once it accepts connections; anything else before an exit is the cause.
    static async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        var output = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            output.Add(line);
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                // Keep draining stdout so Redis never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"redis-server exited before it was ready:\n{string.Join('\n', output)}");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CloudNative.Tests.Shared;

// A throwaway redis-server on a loopback port (free, or given to restart one where another stood), no persistence.
// One source file, linked into each test project that needs a real Redis.
sealed class RedisServer : IAsyncDisposable
{
    readonly Process process;

    RedisServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default, int? port = null)
    {
        var chosen = port ?? FreePort();
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", chosen.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-server; install the redis-server package.");
        var server = new RedisServer(process, chosen);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var output = new List<string>();
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.Add(line);
            if (line.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                // Keep draining its output so redis-server never blocks on a full pipe.
                _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
                return server;
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"redis-server exited before it was ready:\n{string.Join('\n', output)}");
    }

    // DBSIZE: how many keys the server holds.
    public async Task<int> KeyCountAsync() => int.Parse(await CliAsync("DBSIZE"));

    // How many times the server ran a command since it started (0 if never), from INFO commandstats.
    public async Task<long> CallsAsync(string command)
    {
        var prefix = $"cmdstat_{command.ToLowerInvariant()}:calls=";
        var line = (await CliAsync("INFO", "commandstats")).Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[prefix.Length..line.IndexOf(',', StringComparison.Ordinal)]);
    }

    async Task<string> CliAsync(params string[] command)
    {
        var info = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", Port.ToString(), .. command])
        {
            info.ArgumentList.Add(argument);
        }

        using var cli = Process.Start(info) ?? throw new InvalidOperationException("Could not start redis-cli.");
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return output.Trim();
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

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

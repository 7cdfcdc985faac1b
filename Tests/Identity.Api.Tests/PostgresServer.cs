using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Identity.Api.Tests;

// A throwaway PostgreSQL from the machine's own binaries: initdb into a temporary directory, then postgres on a
// free loopback port, trusting local connections. As root both run as the `postgres` user, which Postgres requires.
sealed class PostgresServer : IAsyncDisposable
{
    const int SigInt = 2;

    // Postgres refuses to run as root.
    static readonly bool RunAsPostgres = Environment.IsPrivilegedProcess;

    readonly string root;
    readonly Process process;

    PostgresServer(string root, Process process, int port)
    {
        this.root = root;
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var bin = FindBinDirectory();
        var root = Directory.CreateTempSubdirectory("identity-tests-pg-").FullName;
        var data = Path.Combine(root, "data");
        if (RunAsPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false, cancellationToken);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], RunAsPostgres, cancellationToken);

        var port = FreePort();
        var process = Start(Path.Combine(bin, "postgres"),
            ["-D", data, "-p", port.ToString(), "-k", root, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"], RunAsPostgres);
        var server = new PostgresServer(root, process, port);
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
            // SIGINT is Postgres's fast shutdown: it ends the backends and exits cleanly.
            _ = Kill(process.Id, SigInt);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        Directory.Delete(root, recursive: true);
    }

    // Postgres writes this line to stderr once it accepts connections; anything else before an exit is the cause.
    static async Task WaitUntilReadyAsync(Process process, CancellationToken cancellationToken)
    {
        var output = new List<string>();
        while (await process.StandardError.ReadLineAsync(cancellationToken) is { } line)
        {
            output.Add(line);
            if (line.Contains("database system is ready to accept connections", StringComparison.Ordinal))
            {
                // Keep draining stderr so Postgres never blocks on a full pipe.
                _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                return;
            }
        }

        throw new InvalidOperationException($"postgres exited before it was ready:\n{string.Join('\n', output)}");
    }

    static async Task RunAsync(string fileName, string[] arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        using var process = Start(fileName, arguments, asPostgres);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    static Process Start(string fileName, string[] arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "setpriv" : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            // setpriv execs the binary, so the pid we hold is postgres's own.
            foreach (var argument in new[] { "--reuid=postgres", "--regid=postgres", "--clear-groups", "--", fileName })
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}");
    }

    static string FindBinDirectory()
    {
        var candidates = new[] { "/usr/local/bin" }
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "postgres")))
            ?? throw new InvalidOperationException("PostgreSQL's initdb and postgres were not found; install the postgresql package.");
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int pid, int signal);
}

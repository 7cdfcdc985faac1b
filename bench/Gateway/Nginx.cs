using System.Globalization;
using System.Net.Sockets;

namespace CloudNative.Bench.Gateway;

/// <summary>
/// nginx (Debian's package) as the peer reference: a plain <c>proxy_pass</c> with upstream keep-alive, as one would
/// put in front of catalog, from a generated config on a free port, run in the foreground as the bench's child.
/// </summary>
internal sealed class Nginx : IAsyncDisposable
{
    private readonly Process _master;
    private readonly string _directory;

    private Nginx(Process master, string directory, int port)
    {
        _master = master;
        _directory = directory;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public Uri Address { get; }

    public int MasterPid => _master.Id;

    public static async Task<Nginx> StartAsync(Uri upstream, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("cnb-nginx-").FullName;
        var port = Ports.Free();
        // As many workers as cores, as the gateway has replicas on 2 cores; no access log (the gateway writes none either).
        var config = $$"""
            worker_processes auto;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log stderr warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                upstream catalog {
                    server 127.0.0.1:{{upstream.Port.ToString(CultureInfo.InvariantCulture)}};
                    keepalive 64;
                }
                server {
                    listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                    location / {
                        proxy_pass http://catalog;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                    }
                }
            }
            """;
        var path = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(path, config, cancellationToken);
        var master = Process.Start(new ProcessStartInfo("nginx") { ArgumentList = { "-p", directory, "-c", path, "-e", "stderr" }, UseShellExecute = false })
            ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new Nginx(master, directory, port);
        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (master.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                await nginx.DisposeAsync();
                throw new InvalidOperationException($"nginx did not listen on {port} (config {path}).");
            }

            await Task.Delay(50, cancellationToken);
        }

        return nginx;
    }

    /// <summary>The master and its workers.</summary>
    public IEnumerable<ProcInfo> Processes(IEnumerable<ProcInfo> all) => all.Where(p => p.Pid == _master.Id || p.ParentPid == _master.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_master.HasExited)
        {
            Signals.Send(_master.Id, Signals.SIGTERM);
            try
            {
                await _master.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                Signals.Send(_master.Id, Signals.SIGKILL);
            }
        }

        _master.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using System.Globalization;
using System.Net.Sockets;

namespace CloudNative.Bench.Gateway;

/// <summary>
/// A peer reference the bench runs beside the AppHost: its own child, on a free port, in the foreground, stopped (with
/// its workers) and its scratch directory removed when disposed.
/// </summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private PeerProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>Starts what <paramref name="start"/> describes once <paramref name="prepare"/> has written its files, and waits until it listens.</summary>
    public static async Task<PeerProcess> StartAsync(string name, Func<string, int, Task<ProcessStartInfo>> prepare, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory($"cnb-{name}-").FullName;
        var port = Ports.Free();
        var start = await prepare(directory, port);
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var peer = new PeerProcess(process, directory, port);
        var deadline = Stopwatch.StartNew();
        while (!await AcceptsAsync(port))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                await peer.DisposeAsync();
                throw new InvalidOperationException($"{name} did not listen on {port} ({start.FileName} {string.Join(' ', start.ArgumentList)}).");
            }

            await Task.Delay(50, cancellationToken);
        }

        return peer;
    }

    /// <summary>The peer and its workers.</summary>
    public IEnumerable<ProcInfo> Processes(IEnumerable<ProcInfo> all) => all.Where(p => p.Pid == Pid || p.ParentPid == Pid);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.SIGTERM);
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                Signals.Send(_process.Id, Signals.SIGKILL);
            }
        }

        _process.Dispose();
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

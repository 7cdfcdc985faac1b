using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudNative.Bench;

/// <summary>
/// The built AppHost as <c>./build.sh run</c> starts it (see <see cref="BuiltAppHost"/>), in its own process, for a
/// bench that puts load on it: started with extra configuration (as environment variables, which DCP passes on to the
/// services too), ready once Aspire has logged every named resource healthy, stopped with Ctrl+C, and anything of its
/// process tree still there afterwards ended by its pid.
/// </summary>
internal sealed partial class LaunchedAppHost : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromMinutes(1);

    private readonly Process _process;
    private readonly Process? _watchdog;
    private readonly Queue<string> _recent = new();
    private IReadOnlyList<ProcInfo> _seen = [];

    private LaunchedAppHost(Process process, int gatewayPort)
    {
        _process = process;
        GatewayPort = gatewayPort;
        _watchdog = Watchdog.Guard(process.Id);
    }

    public int Pid => _process.Id;

    /// <summary>The gateway's public port (Gateway:Port), where Aspire's proxy spreads connections over its replicas.</summary>
    public int GatewayPort { get; }

    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort.ToString(CultureInfo.InvariantCulture)}");

    /// <param name="configuration">AppHost configuration (Section:Key), e.g. Parameters:demo-password or settings the services read.</param>
    public static async Task<LaunchedAppHost> StartAsync(IReadOnlyDictionary<string, string> configuration, IReadOnlyList<string> resources, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var root = BuiltAppHost.DefaultRepositoryRoot;
        var dll = BuiltAppHost.DefaultDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the AppHost first (./build.sh bench does).");
        }

        Signals.RestoreDefaultInterruptIfIgnored();
        var appHost = BuiltAppHost.Prepare(root, dll);
        var gatewayPort = Ports.Free();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>(configuration)
        {
            ["LocalProcesses:Ephemeral"] = "true",
            ["Gateway:Port"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            // Aspire says when each resource turned healthy at Debug only.
            ["Logging:LogLevel:Aspire.Hosting.Health.ResourceHealthCheckService"] = "Debug",
        };
        foreach (var (name, value) in appHost.Environment.Concat(settings.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value))))
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var pending = resources.ToHashSet(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        LaunchedAppHost? launched = null;
        void OnLine(string? line)
        {
            if (line is null || launched is null)
            {
                return;
            }

            launched.Remember(line);
            if (Ready().Match(line) is { Success: true } match)
            {
                lock (pending)
                {
                    if (pending.Remove(match.Groups["resource"].Value) && pending.Count == 0)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        launched = new LaunchedAppHost(process, gatewayPort);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var first = await Task.WhenAny(ready.Task, process.WaitForExitAsync(cancellationToken), Task.Delay(timeout, cancellationToken));
        if (first != ready.Task)
        {
            var why = process.HasExited ? $"exited with code {process.ExitCode}" : $"was not healthy within {timeout.TotalSeconds:0} s (waiting for {string.Join(", ", pending)})";
            var log = launched.RecentLog();
            await launched.DisposeAsync();
            throw new InvalidOperationException($"The AppHost {why}:{System.Environment.NewLine}{log}");
        }

        launched._seen = ProcTable.TreeOf(process.Id);
        return launched;
    }

    /// <summary>The processes the AppHost started (DCP, its proxies, the services and backing services), as now.</summary>
    public IReadOnlyList<ProcInfo> Processes()
    {
        var tree = ProcTable.TreeOf(_process.Id);
        _seen = [.. _seen.Concat(tree).DistinctBy(p => (p.Pid, p.StartTicks))];
        return tree;
    }

    /// <summary>
    /// The running processes of an AppHost resource (one per replica), e.g. "catalog", known by the service name
    /// Aspire gives each replica (OTEL_SERVICE_NAME): catalog and catalog-canary run the same assembly.
    /// </summary>
    public IReadOnlyList<ProcInfo> Service(string resource) =>
        [.. Processes().Where(p => Components.ServiceOf(p) is not null && ProcTable.Environment(p.Pid).GetValueOrDefault("OTEL_SERVICE_NAME") == resource).OrderBy(p => p.Pid)];

    /// <summary>A replica's own address, from the ASPNETCORE_URLS DCP gave it (not through Aspire's proxy).</summary>
    public static Uri OwnAddress(ProcInfo service) =>
        ProcTable.Environment(service.Pid).TryGetValue("ASPNETCORE_URLS", out var urls) && Uri.TryCreate(urls.Split(';')[0], UriKind.Absolute, out var url)
            ? new Uri($"http://127.0.0.1:{url.Port.ToString(CultureInfo.InvariantCulture)}")
            : throw new InvalidOperationException($"{service.Describe()} has no ASPNETCORE_URLS.");

    public string RecentLog()
    {
        lock (_recent)
        {
            return string.Join(System.Environment.NewLine, _recent.Select(l => "    | " + l));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _seen = [.. _seen.Concat(ProcTable.TreeOf(_process.Id)).DistinctBy(p => (p.Pid, p.StartTicks))];
            Signals.Send(_process.Id, Signals.SIGINT);
            try
            {
                await _process.WaitForExitAsync().WaitAsync(s_stopTimeout);
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine($"The AppHost ({_process.Id}) had not exited {s_stopTimeout.TotalSeconds} s after Ctrl+C: killing it.");
                Signals.Send(_process.Id, Signals.SIGKILL);
            }
        }

        // What Ctrl+C should have ended (DCP's controllers take a while after the AppHost): give it time, then end each
        // leftover by its pid.
        var deadline = Stopwatch.StartNew();
        while (_seen.Any(ProcTable.IsAlive) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        foreach (var leftover in _seen.Where(ProcTable.IsAlive))
        {
            Console.Error.WriteLine($"left behind, now killed: {leftover.Describe()}");
            Signals.Send(leftover.Pid, Signals.SIGKILL);
        }

        _watchdog?.StandardInput.Close();
        _watchdog?.Dispose();
        _process.Dispose();
    }

    private void Remember(string line)
    {
        lock (_recent)
        {
            _recent.Enqueue(line);
            if (_recent.Count > 40)
            {
                _recent.Dequeue();
            }
        }
    }

    [GeneratedRegex(@"Resource '(?<resource>[^']+)' is ready\.")]
    private static partial Regex Ready();
}

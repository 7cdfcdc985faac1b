using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CloudNative.Bench.Startup;

/// <summary>
/// The built AppHost in its own process, observed from outside: its console log (single-line, with UTC
/// timestamps, and Debug for the three Aspire categories that say when DCP answered, when a resource changed
/// state and when a resource became healthy), plus our own polls of the dashboard and of the gateway's /health.
/// Then Ctrl+C (SIGINT) until it has exited and every process it started is gone.
/// </summary>
internal static partial class AppHostRun
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromMinutes(1);
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";

    /// <summary>Configuration added to the launch profile's, for observation only (and LocalProcesses:Ephemeral).</summary>
    private static readonly Dictionary<string, string> s_observation = new(StringComparer.Ordinal)
    {
        ["LocalProcesses__Ephemeral"] = "true",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        ["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true",
        ["Logging__Console__FormatterOptions__TimestampFormat"] = TimestampFormat,
        ["Logging__LogLevel__Aspire.Hosting.Dcp.KubernetesService"] = "Debug",
        ["Logging__LogLevel__Aspire.Hosting.ApplicationModel.ResourceNotificationService"] = "Debug",
        ["Logging__LogLevel__Aspire.Hosting.Health.ResourceHealthCheckService"] = "Debug",
    };

    /// <param name="configuration">More AppHost configuration (e.g. LocalProcesses:VolumeRoot), as environment variables.</param>
    public static async Task<RunResult> MeasureAsync(string repositoryRoot, string dll, IReadOnlyList<string> resources, IReadOnlyDictionary<string, string> configuration, bool verbose, CancellationToken cancellationToken)
    {
        var result = new RunResult("built AppHost");
        var appHost = BuiltAppHost.Prepare(repositoryRoot, dll);
        var gatewayPort = Ports.Free();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll },
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in appHost.Environment.Concat(s_observation).Concat(configuration.Select(c => KeyValuePair.Create(c.Key.Replace(":", "__", StringComparison.Ordinal), c.Value))))
        {
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["Gateway__Port"] = gatewayPort.ToString(CultureInfo.InvariantCulture);

        var recent = new Queue<string>();
        var healthy = resources.ToDictionary(r => r, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        using var process = new Process { StartInfo = startInfo };
        var clock = new Stopwatch();
        var startedUtc = DateTime.MinValue;

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (recent)
            {
                recent.Enqueue(line);
                if (recent.Count > 60)
                {
                    recent.Dequeue();
                }
            }

            if (verbose)
            {
                Out.WriteLine($"    | {line}");
            }

            var at = TimestampOf(line, startedUtc) ?? clock.Elapsed.TotalSeconds;
            if (line.Contains("Starting DCP with arguments", StringComparison.Ordinal))
            {
                result.Mark("dcp.launch", at);
            }
            else if (line.Contains("Successfully read Kubernetes configuration", StringComparison.Ordinal))
            {
                result.Mark("dcp.up", at);
            }
            else if (line.Contains("Distributed application starting.", StringComparison.Ordinal))
            {
                result.Mark("apphost.starting", at);
            }
            else if (line.Contains(" Now listening on: ", StringComparison.Ordinal) && line.Contains(appHost.Dashboard.Authority, StringComparison.Ordinal))
            {
                result.Mark("dashboard.listening", at);
            }
            else if (StateChange().Match(line) is { Success: true } state)
            {
                result.Mark($"{state.Groups["resource"].Value}.{state.Groups["state"].Value}", at);
            }
            else if (Ready().Match(line) is { Success: true } ready)
            {
                var resource = ready.Groups["resource"].Value;
                result.Mark($"{resource}.healthy", at);
                if (healthy.TryGetValue(resource, out var done))
                {
                    done.TrySetResult();
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);

        using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startedUtc = DateTime.UtcNow;
        clock.Start();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var inspection = new Inspection(process.Id, rootStays: false);
        using var watchdog = Watchdog.Guard(process.Id);
        var dashboard = Probe.PollAsync(appHost.Dashboard, _ => true, result, "dashboard.http", clock, polling.Token);
        var gateway = Probe.PollAsync(new Uri($"http://localhost:{gatewayPort}/health"), s => s == HttpStatusCode.OK, result, "gateway.http", clock, polling.Token);

        var everything = Task.WhenAll(healthy.Values.Select(t => t.Task).Append(dashboard).Append(gateway));
        var first = await Task.WhenAny(everything, process.WaitForExitAsync(cancellationToken), Task.Delay(s_startTimeout, cancellationToken));
        if (first == everything)
        {
            result.Mark("all.healthy", result.Latest([.. resources.Select(r => $"{r}.healthy")]) ?? clock.Elapsed.TotalSeconds);
            result.Mark("all.answering", clock);
            inspection.AtHealthy(result, clock);
        }
        else
        {
            inspection.AtHealthy(result, clock);
            result.Failure = process.HasExited
                ? $"the AppHost exited with code {process.ExitCode} before every resource was healthy"
                : cancellationToken.IsCancellationRequested ? "cancelled" : $"not healthy within {s_startTimeout.TotalMinutes} min (missing: {string.Join(", ", healthy.Where(h => !h.Value.Task.IsCompleted).Select(h => h.Key))})";
        }

        await polling.CancelAsync();

        // Ctrl+C, as a developer stops ./build.sh run.
        var stop = Stopwatch.StartNew();
        inspection.BeginStop(result, stop, TimeSpan.FromSeconds(30));
        if (!process.HasExited)
        {
            Signals.Send(process.Id, Signals.SIGINT);
            try
            {
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(s_stopTimeout);
                result.Set("stop.exited", stop.Elapsed.TotalSeconds);
            }
            catch (TimeoutException)
            {
                result.Leftovers.Add($"the AppHost ({process.Id}) had not exited {s_stopTimeout.TotalSeconds} s after Ctrl+C");
                Signals.Send(process.Id, Signals.SIGKILL);
            }
        }

        await inspection.AfterStopAsync(result);
        watchdog?.StandardInput.Close();
        if (result.Failure is not null)
        {
            lock (recent)
            {
                result.Failure += Environment.NewLine + string.Join(Environment.NewLine, recent.TakeLast(25).Select(l => "    | " + l));
            }
        }

        return result;
    }

    /// <summary>Seconds since the process was started, from the console logger's UTC timestamp.</summary>
    private static double? TimestampOf(string line, DateTime startedUtc)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && DateTime.TryParseExact(line[..space], TimestampFormat.TrimEnd(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? (at - startedUtc).TotalSeconds
            : null;
    }

    [GeneratedRegex(@"Resource (?<resource>[^/\s]+)/\S+ changed state: (?:.+ -> )?(?<state>\w+)$")]
    private static partial Regex StateChange();

    [GeneratedRegex(@"Resource '(?<resource>[^']+)' is ready\.")]
    private static partial Regex Ready();
}

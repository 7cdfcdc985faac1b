using System.Globalization;
using CloudNative.Bench;
using CloudNative.Bench.Startup;

// Start-up is measured, not asserted: each figure is the median of several runs on this machine. The two kinds of
// run alternate, so a load that comes and goes on the machine weighs on both alike:
// - the built AppHost in its own process (AppHostRun), observed from outside through its log and HTTP;
// - the integration tests' fixture in this process (FixtureRun), which sees every state and health change.
// Each run also records when each component's process started, the CPU each used, and, after Ctrl+C or
// DisposeAsync, when each was gone; anything a run leaves behind is reported and then ended by its pid.
//
//   Startup.dll [--runs N] [--min-runs N] [--budget SECONDS] [--verbose] [--only apphost|fixture]
//   Startup.dll --cut health-recheck | pg-cache [--only apphost] | env:KEY=VALUE[,KEY=VALUE]   (a candidate cut against a baseline)
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Startup.dll [--runs N] [--min-runs N] [--budget SECONDS] [--verbose] [--only apphost|fixture] [--cut health-recheck|pg-cache|env:KEY=VALUE[,KEY=VALUE]]");
    return 2;
}

using var cancel = LoadBench.CancelOnCtrlC();

var sigintRestored = Signals.RestoreDefaultInterruptIfIgnored();
var root = BuiltAppHost.DefaultRepositoryRoot;
var dll = BuiltAppHost.DefaultDll;
if (!File.Exists(dll))
{
    Console.Error.WriteLine($"{dll} is missing: build the AppHost first (./build.sh bench startup does).");
    return 1;
}

// From here on the bench writes only through Out: the AppHost booted in this process (the fixture runs, and
// reading the resource list) logs to the console, and its console logger writes whenever its thread runs.
Out.MuteConsole();
var resources = await ResourceList.DiscoverAsync(cancel.Token);
Out.WriteLine($"startup benchmark: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start");
Out.WriteLine($"  built AppHost: dotnet {Path.GetRelativePath(root, dll)}, launch-profile environment, free ports, LocalProcesses:Ephemeral=true");
Out.WriteLine("  test fixture: DistributedApplicationTestingBuilder as Tests/CloudNative.IntegrationTests/AppHostFixture.cs, in this process");
Out.WriteLine($"  all healthy: {string.Join(", ", resources.Select(r => r.Name))}");
if (sigintRestored)
{
    Out.WriteLine("  (SIGINT was ignored, as for a background job: reset to default so the AppHost sees Ctrl+C)");
}

var clock = Stopwatch.StartNew();
var failed = false;
var runsLeavingDirectories = 0;

async Task<RunResult> Once(string label, int number, Func<Task<RunResult>> run)
{
    var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
    var result = await run();
    var busy = result["cpu.machine busy"] / result["cpu.machine capacity"];
    static string S(double? seconds) => seconds is { } s ? s.ToString("0.00 's'", CultureInfo.InvariantCulture) : "-";
    Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {label} run {number}: all healthy {S(result["all.healthy"])}, stop {S(result["stop.exited"])}, all gone {S(result["stop.allgone"])} (load {load}, machine {busy:P0} busy) [{clock.Elapsed.TotalSeconds:0} s]"));
    if (result.Failure is not null)
    {
        failed = true;
        Out.WriteLine($"    FAILED: {result.Failure}");
    }

    foreach (var leftover in result.Leftovers)
    {
        // A stray process is a failure; a temporary data directory is litter, reported and removed.
        failed |= !leftover.StartsWith("directory ", StringComparison.Ordinal);
        Out.WriteLine($"    LEFT BEHIND (the bench has now ended/removed it): {leftover}");
    }

    runsLeavingDirectories += result.Leftovers.Any(l => l.StartsWith("directory ", StringComparison.Ordinal)) ? 1 : 0;

    if (options.Verbose)
    {
        foreach (var (key, value) in result.Figures)
        {
            Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {key,-48} {value,8:0.000}"));
        }
    }

    return result;
}

/// <summary>Alternates the two kinds; stops early (after min-runs) when another round would overrun the budget.</summary>
async Task<(List<RunResult> A, List<RunResult> B)> Alternate(string labelA, Func<int, Task<RunResult>> a, string labelB, Func<int, Task<RunResult>> b)
{
    var (resultsA, resultsB) = (new List<RunResult>(), new List<RunResult>());
    for (var round = 1; round <= options.Runs && !cancel.IsCancellationRequested; round++)
    {
        if (round > options.MinRuns && clock.Elapsed.TotalSeconds + clock.Elapsed.TotalSeconds / (round - 1) > options.BudgetSeconds)
        {
            Out.WriteLine($"  (stopping after {round - 1} rounds: another would overrun the {options.BudgetSeconds} s budget)");
            break;
        }

        // --only picks the kind of run for the plain comparison; a cut compares two runs of the same kind.
        if (options.Cut is not null || options.Only is null or "apphost")
        {
            resultsA.Add(await Once(labelA, round, () => a(round)));
        }

        if (!cancel.IsCancellationRequested && (options.Cut is not null || options.Only is null or "fixture"))
        {
            resultsB.Add(await Once(labelB, round, () => b(round)));
        }
    }

    return (resultsA, resultsB);
}

var noExtra = new Dictionary<string, string>();
Task<RunResult> AppHost(IReadOnlyDictionary<string, string> extra) => AppHostRun.MeasureAsync(root, dll, [.. resources.Select(r => r.Name)], extra, options.Verbose, cancel.Token);
Task<RunResult> Fixture(IReadOnlyDictionary<string, string>? configuration = null, TimeSpan? recheck = null) =>
    FixtureRun.MeasureAsync([.. resources.Select(r => r.Name)], configuration ?? noExtra, recheck, options.Verbose, cancel.Token);

switch (options.Cut)
{
    case null:
    {
        var (appHost, fixture) = await Alternate("built AppHost", _ => AppHost(noExtra), "test fixture", _ => Fixture());
        Report.Column[] columns = [new($"built AppHost (n={appHost.Count})", appHost), new($"test fixture (n={fixture.Count})", fixture)];
        Report.Table("MILESTONES: seconds since spawning the AppHost | since CreateAsync; median [min-max]", columns, Report.Milestones(resources));
        Report.Table("WHERE THE TIME GOES: durations in seconds; median [min-max]", columns, Report.Durations(resources));
        Report.Shutdown(columns);
        Report.Cpu(columns);
        break;
    }

    case "health-recheck":
    {
        var recheck = TimeSpan.FromMilliseconds(100);
        var (baseline, cut) = await Alternate("fixture, Aspire's re-check (1 s, 2 s, ... 5 s)", _ => Fixture(), "fixture, re-check every 100 ms", _ => Fixture(recheck: recheck));
        Report.Column[] columns = [new($"baseline (n={baseline.Count})", baseline), new($"100 ms re-check (n={cut.Count})", cut)];
        Report.Table("CUT: re-run a failing health check every 100 ms (test fixture)", columns, [.. Report.Milestones(resources), .. Report.Durations(resources)]);
        break;
    }

    case "pg-cache":
    {
        var (cold, warm) = options.Only == "apphost"
            ? await ColdCache.MeasureAsync(Alternate, "built AppHost", AppHost)
            : await ColdCache.MeasureAsync(Alternate, "test fixture", c => Fixture(c));
        Report.Column[] columns = [new($"empty cache (n={cold.Count})", cold), new($"warm cache (n={warm.Count})", warm)];
        Report.Table($"CUT: postgres data directory from initdb (empty cache) vs a copy of the cached template ({(options.Only == "apphost" ? "built AppHost" : "test fixture")})", columns,
            [.. Report.Milestones(resources), .. Report.Durations(resources)]);
        break;
    }

    case { } cut when cut.StartsWith("env:", StringComparison.Ordinal):
    {
        var extra = cut["env:".Length..].Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        // env:Section__Key=Value is AppHost configuration, the same as Section:Key.
        var (baseline, changed) = await Alternate("built AppHost", _ => AppHost(noExtra), $"built AppHost, {cut}", _ => AppHost(extra));
        Report.Column[] columns = [new($"baseline (n={baseline.Count})", baseline), new($"{cut} (n={changed.Count})", changed)];
        Report.Table($"CUT: {cut} (built AppHost)", columns, [.. Report.Milestones(resources), .. Report.Durations(resources)]);
        break;
    }

    default:
        Out.WriteLine($"Unknown cut '{options.Cut}'. Known: health-recheck, pg-cache, env:KEY=VALUE[,KEY=VALUE].");
        return 2;
}

Out.WriteLine();
Out.WriteLine(failed ? "Some runs failed or left processes behind (see above)." : "No run left a process behind.");
Out.WriteLine(runsLeavingDirectories == 0
    ? "No run left a temporary data directory behind."
    : $"{runsLeavingDirectories} run(s) left LocalProcesses' temporary data directories (/tmp/cloudnative-*) behind; the bench removed them.");
Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Bench took {clock.Elapsed.TotalSeconds:0} s."));
return failed || cancel.IsCancellationRequested ? 1 : 0;

internal sealed record Options(int Runs, int MinRuns, int BudgetSeconds, string? Cut, bool Verbose, string? Only = null)
{
    public static Options? Parse(string[] args)
    {
        var options = new Options(Runs: 5, MinRuns: 3, BudgetSeconds: 270, Cut: null, Verbose: false);
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            options = args[i] switch
            {
                "--runs" when int.TryParse(Next(), out var n) && n > 0 => options with { Runs = n, MinRuns = Math.Min(options.MinRuns, n) },
                "--min-runs" when int.TryParse(Next(), out var n) && n > 0 => options with { MinRuns = n },
                "--budget" when int.TryParse(Next(), out var n) && n > 0 => options with { BudgetSeconds = n },
                "--cut" when Next() is { } cut => options with { Cut = cut },
                "--verbose" => options with { Verbose = true },
                "--only" when Next() is "apphost" or "fixture" => options with { Only = args[i] },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}

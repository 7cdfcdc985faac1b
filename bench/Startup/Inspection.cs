namespace CloudNative.Bench.Startup;

/// <summary>
/// Looks at a run's processes once everything is healthy (when each started, what CPU each used) and, after the
/// run has stopped, checks that every one of them and every temporary data directory is gone.
/// </summary>
internal sealed class Inspection
{
    private readonly int _rootPid;
    private readonly bool _rootStays;
    private readonly double _rootReapedCpuBefore;
    private readonly double _rootCpuBefore;
    private readonly (double Busy, double Total) _machineBefore = ProcTable.MachineCpu();

    public Inspection(int rootPid, bool rootStays)
    {
        _rootPid = rootPid;
        _rootStays = rootStays;
        var root = rootStays ? ProcTable.Read(rootPid) : null;
        _rootReapedCpuBefore = root?.ReapedChildrenCpuSeconds ?? 0;
        _rootCpuBefore = root?.CpuSeconds ?? 0;
    }

    public IReadOnlyList<ProcInfo> Processes { get; private set; } = [];

    public IReadOnlyList<string> DataDirectories { get; private set; } = [];

    private Task _stopping = Task.CompletedTask;

    /// <summary>
    /// Snapshots the run's processes. A project runs as <c>dotnet Service.dll</c>, or, with
    /// AppHost:LaunchServicesWithDotnetRun, as Aspire's <c>dotnet run --project … --no-build</c>, which starts the app
    /// as its child: the gap between the two start times is what <c>dotnet run</c> costs.
    /// </summary>
    public void AtHealthy(RunResult result, Stopwatch clock)
    {
        var tree = ProcTable.TreeOf(_rootPid);
        var now = clock.Elapsed.TotalSeconds;
        var uptime = ProcTable.Uptime();
        double StartOf(ProcInfo p) => now - (uptime - p.StartTicks / ProcTable.TicksPerSecond);

        foreach (var host in tree.Where(p => p.CommandLine.Contains(" run --project ", StringComparison.Ordinal)))
        {
            if (ProjectOf(host.CommandLine) is { } project && tree.FirstOrDefault(p => p.ParentPid == host.Pid) is { } app)
            {
                result.Mark($"{project}.dotnetrun", StartOf(host));
                result.Mark($"{project}.process", StartOf(app));
            }
        }

        // Started by the AppHost as `dotnet <Service>.dll` (its default): no dotnet run in between.
        foreach (var app in tree.Where(p => p.Name == "dotnet"))
        {
            if (Components.ServiceOf(app) is { } assembly)
            {
                result.Mark($"{assembly.Split('.')[0].ToLowerInvariant()}.process", StartOf(app));
            }
        }

        if (tree.FirstOrDefault(p => p.Name == "postgres" && p.CommandLine.Contains(" -D ", StringComparison.Ordinal)) is { } postmaster)
        {
            result.Mark("postgres.process", StartOf(postmaster));
        }

        // CPU seconds used so far, by component. On 2 cores every start-up competes with the others for CPU.
        foreach (var process in tree)
        {
            var cpu = process.CpuSeconds;
            if (process.Pid == _rootPid && _rootStays)
            {
                continue; // the bench itself: its own CPU is mostly the in-process AppHost, measured below
            }

            result.Add($"cpu.{Components.Of(process)}", cpu);
        }

        if (ProcTable.Read(_rootPid) is { } root)
        {
            result.Set("cpu.exited children (initdb, dotnet CLI helpers)", root.ReapedChildrenCpuSeconds - _rootReapedCpuBefore);
            if (_rootStays)
            {
                result.Set("cpu.AppHost (in the bench's process)", root.CpuSeconds - _rootCpuBefore);
            }
        }

        var machine = ProcTable.MachineCpu();
        result.Set("cpu.machine busy", machine.Busy - _machineBefore.Busy);
        result.Set("cpu.machine capacity", machine.Total - _machineBefore.Total);

        Processes = [.. tree.Where(p => p.Pid != _rootPid || !_rootStays)];
        var temp = Path.GetTempPath();
        DataDirectories = [.. tree
            .Where(p => p.Name is "postgres" or "redis-server" || p.CommandLine.Contains("KafkaDevBroker", StringComparison.Ordinal))
            .Select(p => ProcTable.WorkingDirectory(p.Pid))
            .OfType<string>()
            .Select(d => Path.GetFileName(d) == "pgdata" ? Path.GetDirectoryName(d)! : d)
            .Where(d => d.StartsWith(Path.Combine(temp, "cloudnative-"), StringComparison.Ordinal))
            .Distinct()];
    }

    /// <summary>
    /// From the moment the run is told to stop: records when each component's last process, and the last
    /// temporary data directory, was gone, for up to <paramref name="grace"/>.
    /// </summary>
    public void BeginStop(RunResult result, Stopwatch sinceStop, TimeSpan grace) =>
        _stopping = Task.Run(async () =>
        {
            var byComponent = Processes.GroupBy(Components.Of).ToDictionary(g => g.Key, g => g.ToList());
            while (sinceStop.Elapsed < grace)
            {
                foreach (var (component, processes) in byComponent)
                {
                    if (result[$"stop.gone.{component}"] is null && !processes.Any(ProcTable.IsAlive))
                    {
                        result.Set($"stop.gone.{component}", sinceStop.Elapsed.TotalSeconds);
                    }
                }

                if (result["stop.gone.temporary data directories"] is null && !DataDirectories.Any(Directory.Exists))
                {
                    result.Set("stop.gone.temporary data directories", sinceStop.Elapsed.TotalSeconds);
                }

                if (byComponent.Keys.All(c => result[$"stop.gone.{c}"] is not null) && result["stop.gone.temporary data directories"] is not null)
                {
                    result.Set("stop.allgone", sinceStop.Elapsed.TotalSeconds);
                    return;
                }

                await Task.Delay(50);
            }
        });

    /// <summary>
    /// Waits for <see cref="BeginStop"/>'s watch. Whatever is still there is a leftover: reported, then ended by
    /// its pid (SIGTERM, then SIGKILL) or removed.
    /// </summary>
    public async Task AfterStopAsync(RunResult result)
    {
        await _stopping;
        var alive = Processes.Where(ProcTable.IsAlive).ToList();
        var dirs = DataDirectories.Where(Directory.Exists).ToList();
        foreach (var process in alive)
        {
            result.Leftovers.Add($"process {process.Describe()}");
            Signals.Send(process.Pid, Signals.SIGTERM);
        }

        result.Leftovers.AddRange(dirs.Select(d => $"directory {d}"));
        if (alive.Count > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            foreach (var process in alive.Where(ProcTable.IsAlive))
            {
                Signals.Send(process.Pid, Signals.SIGKILL);
            }
        }

        foreach (var dir in dirs.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result.Leftovers.Add($"could not remove {dir}: {e.Message}");
            }
        }
    }

    /// <summary>The resource a <c>dotnet run --project …/Catalog.Api.csproj</c> runs: "catalog" (this repository's naming).</summary>
    private static string? ProjectOf(string commandLine)
    {
        var project = commandLine.Split(' ').SkipWhile(a => a != "--project").Skip(1).FirstOrDefault();
        return project is null ? null : Path.GetFileNameWithoutExtension(project).Split('.')[0].ToLowerInvariant();
    }
}

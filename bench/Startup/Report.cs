using System.Globalization;

namespace CloudNative.Bench.Startup;

/// <summary>A table of medians and ranges: one column per set of runs, one row per figure.</summary>
internal static class Report
{
    private const int LabelWidth = 66;
    private const int ColumnWidth = 21;

    public sealed record Column(string Title, IReadOnlyList<RunResult> Runs);

    public sealed record Row(string Label, Func<RunResult, double?> Figure, string? Reference = null);

    public static Row[] Milestones(IReadOnlyList<ResourceInfo> resources) =>
    [
        new("DCP launched", r => r["dcp.launch"]),
        new("DCP's API server answers", r => r["dcp.up"]),
        new("dashboard answers HTTP (the fixture runs none)", r => r["dashboard.http"]),
        .. resources.Select(resource => new Row($"{resource.Name} healthy", r => r[$"{resource.Name}.healthy"])),
        new("ALL RESOURCES HEALTHY", r => r["all.healthy"], "own orchestrator: AppHost 2.95 s; Aspire's figure for an empty AppHost: ~8 s"),
        new("  ... and gateway /health + dashboard answer us (built AppHost)", r => r["all.answering"]),
        new("Ctrl+C -> AppHost exited | fixture DisposeAsync", r => r["stop.exited"]),
        new("  ... -> every process and temp data dir gone", r => r["stop.allgone"]),
        new("START + STOP (fixture: start + dispose)", r => r["all.healthy"] + r["stop.exited"], "own orchestrator: fixture 3.6 s"),
    ];

    public static Row[] Durations(IReadOnlyList<ResourceInfo> resources) =>
    [
        new("spawn/CreateAsync -> DCP launched (.NET start, model, hooks)", r => r["dcp.launch"]),
        new("DCP: launched -> API server answers", r => r.Between("dcp.launch", "dcp.up")),
        // Local processes are Running once their port accepts connections: Starting -> Running is the whole start.
        new("postgres: Starting -> Running (data dir from the cache or initdb, start, port accepts)", r => r.Between("postgres.Starting", "postgres.Running")),
        new("  of which until its log says 'ready to accept connections'", r => r.Between("postgres.Starting", "postgres.ready")),
        new("postgres: Running -> Healthy (health check)", r => r.Between("postgres.Running", "postgres.healthy")),
        .. resources.Where(d => d.Parent is not null).Select(d =>
            new Row($"{d.Name}: {d.Parent} Healthy -> {d.Name} Healthy", r => r.Between($"{d.Parent}.healthy", $"{d.Name}.healthy"))),
        new("cache: Starting -> Running (redis start, port accepts)", r => r.Between("cache.Starting", "cache.Running")),
        new("cache: Running -> Healthy (health check)", r => r.Between("cache.Running", "cache.healthy")),
        new("kafka: Starting -> Running (dev broker start, port accepts)", r => r.Between("kafka.Starting", "kafka.Running")),
        new("kafka: Running -> Healthy (health check)", r => r.Between("kafka.Running", "kafka.healthy")),
        .. resources.Where(p => p.IsProject).SelectMany(p => ProjectDurations(p)),
    ];

    private static IEnumerable<Row> ProjectDurations(ResourceInfo project)
    {
        var name = project.Name;
        yield return new($"{name}: what it waits for Healthy, DCP up -> launched", r => r[$"{name}.Running"] - r.Latest([.. project.WaitsFor.Select(w => $"{w}.healthy"), "dcp.up"]));
        yield return new($"{name}: Running -> Healthy", r => r.Between($"{name}.Running", $"{name}.healthy"));
        yield return new("  'dotnet run --no-build' until the app process starts", r => r.Between($"{name}.dotnetrun", $"{name}.process"));
        yield return new("  app process start -> Kestrel listening (its log)", r => r.Between($"{name}.process", $"{name}.listening"));
        yield return new("    of which EF migrations + seeding (its log)", r => r[$"{name}.migrate"]);
        yield return new("  listening -> Healthy (first /health + Aspire's re-check)", r => r.Between($"{name}.listening", $"{name}.healthy"));
        if (name == "gateway")
        {
            yield return new("  app process start -> /health answers on the public port (our poll)", r => r.Between("gateway.process", "gateway.http"));
        }
    }

    public static void Table(string title, IReadOnlyList<Column> columns, IReadOnlyList<Row> rows)
    {
        Out.WriteLine();
        Out.WriteLine(title);
        var hasReference = rows.Any(r => r.Reference is not null);
        Out.WriteLine($"  {"",-LabelWidth}{string.Concat(columns.Select(c => Cell(c.Title)))}{(hasReference ? "  before the re-base / published" : "")}");
        foreach (var row in rows)
        {
            var cells = columns.Select(c => Summary(c.Runs.Select(row.Figure)));
            Out.WriteLine($"  {row.Label,-LabelWidth}{string.Concat(cells.Select(Cell))}{(row.Reference is null ? "" : "  " + row.Reference)}");
        }
    }

    /// <summary>CPU seconds each component had used by the time all resources were healthy.</summary>
    public static void Cpu(IReadOnlyList<Column> columns)
    {
        var keys = KeysStartingWith(columns, "cpu.").Where(k => !k.StartsWith("cpu.machine", StringComparison.Ordinal)).ToList();
        var rows = keys.Select(k => new Row(k["cpu.".Length..], r => r[k])).ToList();
        rows.Add(new Row("sum of the run's processes", r => keys.Sum(k => r[k] ?? 0)));
        rows.Add(new Row("whole machine busy (all users) during the start", r => r["cpu.machine busy"]));
        rows.Add(new Row("  of which not this run (other users, the bench's own work)", r => r["cpu.machine busy"] - keys.Sum(k => r[k] ?? 0)));
        rows.Add(new Row("whole machine capacity (cores x wall time)", r => r["cpu.machine capacity"]));
        Table("CPU SECONDS used up to all healthy, by component; median [min-max]", columns, rows);
    }

    /// <summary>When each component's last process was gone, counted from Ctrl+C or DisposeAsync.</summary>
    public static void Shutdown(IReadOnlyList<Column> columns)
    {
        var keys = KeysStartingWith(columns, "stop.gone.").ToList();
        Table("SHUTDOWN: seconds from Ctrl+C | DisposeAsync until each component was gone; median [min-max]", columns,
            [.. keys.Select(k => new Row(k["stop.gone.".Length..], r => r[k])), new Row("everything", r => r["stop.allgone"])]);
    }

    private static IEnumerable<string> KeysStartingWith(IReadOnlyList<Column> columns, string prefix) =>
        columns.SelectMany(c => c.Runs).SelectMany(r => r.Figures).Select(f => f.Key)
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct()
            .OrderByDescending(k => columns.Select(c => Median(c.Runs.Select(r => r[k]))).Max() ?? 0);

    public static string Summary(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        return sorted.Count == 0
            ? "-"
            : string.Create(CultureInfo.InvariantCulture, $"{Median(sorted.Select(v => (double?)v)):0.00} [{sorted[0]:0.0}-{sorted[^1]:0.0}]");
    }

    public static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Cell(string text) => text.PadLeft(ColumnWidth);
}

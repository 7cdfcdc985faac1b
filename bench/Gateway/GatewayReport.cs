using System.Globalization;

namespace CloudNative.Bench.Gateway;

/// <summary>Medians over the rounds: throughput and latency per target, the gateway's ratios, and who spent the CPU.</summary>
internal static class GatewayReport
{
    public static void Write(IReadOnlyList<Target> targets, IReadOnlyList<Measurement> measurements)
    {
        double Median(string target, Func<Measurement, double> figure) =>
            Stats.Median(measurements.Where(m => m.Target.Name == target).Select(figure)) ?? double.NaN;
        double Rps(string target) => Median(target, m => m.Wrk.RequestsPerSecond);
        double P50(string target) => Median(target, m => m.Wrk.P50);

        var rounds = measurements.Select(m => m.Round).Distinct().Count();
        Console.WriteLine();
        Console.WriteLine($"THROUGHPUT AND LATENCY: median of {rounds} rounds");
        Console.WriteLine($"  {"target",-16} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"non-2xx",8}");
        foreach (var target in targets)
        {
            Console.WriteLine(Invariant($"  {target.Name,-16} {Rps(target.Name),9:0} {P50(target.Name),8:0.00} {Median(target.Name, m => m.Wrk.P99),8:0.00} {measurements.Where(m => m.Target == target).Sum(m => m.Wrk.NotOk),8}"));
        }

        Console.WriteLine();
        Console.WriteLine("RATIOS (targets: gateway >= 0.60x direct, >= 0.90x nginx, <= 1 ms added to p50)");
        Ratio("gateway / direct", Rps("gateway") / Rps("direct"), 0.60);
        Ratio("gateway / nginx", Rps("gateway") / Rps("nginx"), 0.90);
        Added("gateway p50 - direct p50", P50("gateway") - P50("direct"));
        Added("gateway p50 - nginx p50", P50("gateway") - P50("nginx"));
        Console.WriteLine("  without Aspire's proxy on the public port (one replica's own port):");
        Ratio("gateway-replica / direct", Rps("gateway-replica") / Rps("direct"), 0.60);
        Ratio("gateway-replica / nginx", Rps("gateway-replica") / Rps("nginx"), 0.90);
        Added("gateway-replica p50 - direct p50", P50("gateway-replica") - P50("direct"));
        Console.WriteLine("  the floor under any YARP gateway (bare forwarding, nothing else):");
        Ratio("yarp / direct", Rps("yarp") / Rps("direct"), null);
        Ratio("yarp / nginx", Rps("yarp") / Rps("nginx"), null);
        Ratio("gateway-replica / yarp", Rps("gateway-replica") / Rps("yarp"), null);

        var labels = measurements.SelectMany(m => m.Cpu.ByLabel.Keys).Distinct()
            .Select(l => (Label: l, Total: measurements.Sum(m => m.Cpu.ByLabel.GetValueOrDefault(l))))
            .Where(l => l.Total >= 0.05)
            .OrderByDescending(l => l.Total)
            .Select(l => l.Label)
            .ToList();
        Console.WriteLine();
        Console.WriteLine("CPU: cores busy during the wrk run (CPU seconds / wall seconds), median of the rounds; then CPU µs per request");
        Console.WriteLine($"  {"",-64}{string.Concat(targets.Select(t => t.Name.PadLeft(17)))}");
        foreach (var cpuLabel in labels)
        {
            Console.WriteLine($"  {cpuLabel,-64}{string.Concat(targets.Select(t => Invariant($"{Median(t.Name, m => m.Cpu.ByLabel.GetValueOrDefault(cpuLabel) / m.Cpu.Wall),17:0.00}")))}");
        }

        Console.WriteLine($"  {"whole machine (all users)",-64}{string.Concat(targets.Select(t => Invariant($"{Median(t.Name, m => m.Cpu.MachineBusy / m.Cpu.Wall),17:0.00}")))}");
        Console.WriteLine($"  {"  of which not listed above (other users)",-64}{string.Concat(targets.Select(t => Invariant($"{Median(t.Name, m => (m.Cpu.MachineBusy - m.Cpu.ByLabel.Values.Sum()) / m.Cpu.Wall),17:0.00}")))}");
        Console.WriteLine($"  {"CPU µs per request, listed processes but wrk",-64}{string.Concat(targets.Select(t => Invariant($"{Median(t.Name, m => (m.Cpu.ByLabel.Where(c => c.Key != CpuLabels.Wrk).Sum(c => c.Value)) / m.Wrk.Requests * 1e6),17:0}")))}");
    }

    private static void Ratio(string label, double ratio, double? target) =>
        Console.WriteLine(Invariant($"  {label,-36} {ratio,6:0.00}x{(target is { } t ? ratio >= t ? "   meets" : $"   below {t:0.00}x" : "")}"));

    private static void Added(string label, double milliseconds) =>
        Console.WriteLine(Invariant($"  {label,-36} {milliseconds,6:0.00} ms"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

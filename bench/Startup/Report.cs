namespace CloudNative.Bench.Startup;

internal static class Report
{
    public static void Line(string label, IReadOnlyList<TimeSpan> samples)
    {
        var sorted = samples.Order().ToList();
        Console.WriteLine($"  {label,-56} {sorted[sorted.Count / 2].TotalSeconds,6:0.00} s  [{sorted[0].TotalSeconds:0.00}-{sorted[^1].TotalSeconds:0.00}]");
    }
}

internal sealed record Measurements(List<TimeSpan> Healthy, List<TimeSpan> Shutdown)
{
    public List<TimeSpan> Total => [.. Healthy.Zip(Shutdown, (a, b) => a + b)];
}

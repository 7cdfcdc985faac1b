namespace CloudNative.Bench;

internal static class Stats
{
    public static double? Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>The nearest-rank percentile (0-100), or null for no values.</summary>
    public static double? Percentile(IEnumerable<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

namespace Gateway.Api.Rollouts;

// Latencies counted in fixed buckets, which replicas can add up in Redis field by field; a percentile is the upper
// bound of the bucket it falls in.
static class LatencyHistogram
{
    // Upper bounds in milliseconds; one more bucket holds everything slower.
    static readonly double[] Bounds = [5, 10, 25, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 2500, 5000, 10000];

    public static int BucketCount => Bounds.Length + 1;

    public static int BucketOf(TimeSpan latency)
    {
        var index = Array.FindIndex(Bounds, bound => latency.TotalMilliseconds <= bound);
        return index < 0 ? Bounds.Length : index;
    }

    public static TimeSpan Percentile(IReadOnlyList<long> buckets, double percentile)
    {
        var total = buckets.Sum();
        if (total == 0)
        {
            return TimeSpan.Zero;
        }

        var rank = Math.Ceiling(total * percentile);
        long seen = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
            {
                return TimeSpan.FromMilliseconds(i < Bounds.Length ? Bounds[i] : 2 * Bounds[^1]);
            }
        }
        return TimeSpan.FromMilliseconds(2 * Bounds[^1]);
    }
}

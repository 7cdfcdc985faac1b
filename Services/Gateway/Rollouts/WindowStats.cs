namespace Gateway.Api.Rollouts;

// One destination's requests in one window, from every replica.
sealed record WindowStats(long Requests, long Errors, long[] Buckets)
{
    public static WindowStats Empty { get; } = new(0, 0, new long[LatencyHistogram.BucketCount]);

    public double ErrorRate => Requests == 0 ? 0 : (double)Errors / Requests;

    public TimeSpan P95 => LatencyHistogram.Percentile(Buckets, 0.95);

    public override string ToString() => $"{Requests} requests, {ErrorRate:P1} errors, p95 {P95.TotalMilliseconds:0} ms";
}

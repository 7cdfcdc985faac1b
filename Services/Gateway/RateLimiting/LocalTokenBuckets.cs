using System.Threading.RateLimiting;

namespace Gateway.Api.RateLimiting;

// Token buckets in this replica's memory: what the gateway enforces when Redis is not configured or not answering.
// Each replica then allows a client the full rate, so N replicas together allow up to N times as much.
sealed class LocalTokenBuckets : IDisposable
{
    readonly PartitionedRateLimiter<BucketKey> limiter = PartitionedRateLimiter.Create<BucketKey, BucketKey>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, bucket => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.Burst,
            TokensPerPeriod = bucket.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            // A rejected request is answered at once; queueing would only hold the connection open.
            QueueLimit = 0,
            // The partitioned limiter replenishes its buckets on its own timer.
            AutoReplenishment = false,
        }));

    public RateLimitDecision Acquire(BucketKey key)
    {
        using var lease = limiter.AttemptAcquire(key);
        var remaining = limiter.GetStatistics(key)?.CurrentAvailablePermits ?? 0;
        var perToken = TimeSpan.FromSeconds(1.0 / key.PermitsPerSecond);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : perToken;
        return new RateLimitDecision(lease.IsAcquired, key.Burst, remaining, perToken * (key.Burst - remaining), retryAfter);
    }

    public void Dispose() => limiter.Dispose();
}

using System.Collections.Concurrent;

namespace Gateway.Api.RateLimiting;

// The shared buckets, taken from a few tokens at a time: a busy client costs its replica one Redis round trip per
// lease instead of one per request (the gateway bench found that round trip, with the thread hops around it, to be
// the largest cost a request paid in the gateway). The limit still holds across replicas, since every token a
// replica hands out was taken from the shared bucket; a lease is capped at a tenth of the bucket, so the most a
// client can be refused early, because another replica holds its tokens, is that tenth for at most a second.
// A null answer means Redis gave none (see RedisTokenBuckets), and the caller falls back to its local buckets.
sealed class LeasedTokenBuckets(RedisTokenBuckets shared, TimeProvider time)
{
    // Leases of clients gone quiet are dropped, so a crowd of one-off clients does not pile up in memory.
    static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);

    readonly ConcurrentDictionary<BucketKey, TokenLease> leases = new();
    long lastSweep = time.GetTimestamp();

    public async ValueTask<RateLimitDecision?> TryAcquireAsync(BucketKey key, CancellationToken cancellationToken)
    {
        SweepIdle();
        var lease = leases.GetOrAdd(key, static key => new TokenLease(Math.Max(1, key.Burst / 10)));
        while (true)
        {
            Task<bool> refilled;
            TaskCompletionSource<bool>? ours = null;
            lock (lease)
            {
                if (lease.TryTake(time, key.Burst, out var decision))
                {
                    return decision;
                }

                if (lease.Refilling is null)
                {
                    ours = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                    lease.Refilling = ours.Task;
                }

                refilled = lease.Refilling;
            }

            if (!(ours is null ? await refilled.WaitAsync(cancellationToken) : await RefillAsync(key, lease, ours)))
            {
                return null;
            }
        }
    }

    // Outside the lease's lock, and not under any one request's cancellation: other requests wait for this refill.
    async Task<bool> RefillAsync(BucketKey key, TokenLease lease, TaskCompletionSource<bool> refilling)
    {
        SharedGrant? grant = null;
        try
        {
            grant = await shared.TryTakeAsync(key, lease.NextSize, CancellationToken.None);
        }
        finally
        {
            lock (lease)
            {
                lease.Refilling = null;
                if (grant is { } granted)
                {
                    lease.Refill(time, granted);
                }
            }

            refilling.SetResult(grant is not null);
        }

        return grant is not null;
    }

    void SweepIdle()
    {
        var last = Interlocked.Read(ref lastSweep);
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(last, now) < Idle || Interlocked.CompareExchange(ref lastSweep, now, last) != last)
        {
            return;
        }

        foreach (var (key, lease) in leases)
        {
            if (time.GetElapsedTime(lease.LastUsed, now) >= Idle)
            {
                leases.TryRemove(KeyValuePair.Create(key, lease));
            }
        }
    }
}

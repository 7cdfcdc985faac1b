namespace Gateway.Api.RateLimiting;

// Tokens one replica took from one client's shared bucket and hands out from memory. A lease lasts a second at most:
// tokens a client left unused go back to nobody, but only ever as many as it used in the second before, and the
// shared bucket has long refilled them. While the shared bucket is empty the lease remembers until when, so a client
// that keeps knocking is refused here, without asking Redis again before a token can exist.
sealed class TokenLease(int maxSize)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    int tokens;
    int size = 1;
    long grantedAt;
    SharedGrant grant;

    // The refill in flight, which every request that finds the lease empty waits for: one round trip, not one each.
    public Task<bool>? Refilling { get; set; }

    public long LastUsed { get; private set; }

    public int NextSize => size;

    // Called under the lease's lock.
    public bool TryTake(TimeProvider time, int limit, out RateLimitDecision decision)
    {
        var now = time.GetTimestamp();
        LastUsed = now;
        var age = time.GetElapsedTime(grantedAt, now);
        var reset = Max(grant.Reset - age, TimeSpan.Zero);
        if (grant.Granted == 0 && age < grant.RetryAfter)
        {
            decision = new RateLimitDecision(false, limit, 0, reset, grant.RetryAfter - age);
            return true;
        }

        if (tokens > 0 && age < Lifetime)
        {
            tokens--;
            decision = new RateLimitDecision(true, limit, grant.Remaining + tokens, reset, TimeSpan.Zero);
            return true;
        }

        decision = default;
        return false;
    }

    // Called under the lease's lock with the shared bucket's answer. A lease used up within its lifetime was too small
    // for this client: the next one is twice the size (up to maxSize); one that expired unused was too large.
    public void Refill(TimeProvider time, SharedGrant granted)
    {
        var now = time.GetTimestamp();
        if (grantedAt != 0 && grant.Granted > 0)
        {
            size = tokens == 0 && time.GetElapsedTime(grantedAt, now) < Lifetime
                ? Math.Min(maxSize, size * 2)
                : Math.Max(1, size / 2);
        }

        grant = granted;
        grantedAt = now;
        tokens = granted.Granted;
    }

    static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

using Gateway.Api.Policies;

namespace Gateway.Api.RateLimiting;

// Takes a token from the client's bucket for the route: the one in Redis shared by all replicas (leased a few tokens at
// a time), or this replica's own while Redis cannot answer, so the gateway keeps serving (and limiting) without it.
sealed class ClientRateLimiter(RoutePolicies policies, LeasedTokenBuckets shared, LocalTokenBuckets local)
{
    public async ValueTask<RateLimitDecision> AcquireAsync(HttpContext context, string routeId)
    {
        var key = BucketKey.For(context, routeId, policies.For(routeId).RateLimit);
        return await shared.TryAcquireAsync(key, context.RequestAborted) ?? local.Acquire(key);
    }
}

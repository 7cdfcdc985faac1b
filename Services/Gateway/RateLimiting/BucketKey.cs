using Gateway.Api.Http;
using Gateway.Api.Policies;

namespace Gateway.Api.RateLimiting;

// One client's bucket on one route. The limits are part of the key, so a configuration change starts new buckets.
readonly record struct BucketKey(string RouteId, string Client, int PermitsPerSecond, int Burst)
{
    public static BucketKey For(HttpContext context, string routeId, RateLimitPolicy policy)
    {
        var client = RequestClient.Of(context);
        var bucket = client.IsUser ? policy.Authenticated : policy.Anonymous;
        return new(routeId, client.Id, bucket.PermitsPerSecond, bucket.Burst);
    }
}

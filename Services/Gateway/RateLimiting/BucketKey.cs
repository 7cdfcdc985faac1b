using System.Security.Claims;
using Gateway.Api.Policies;

namespace Gateway.Api.RateLimiting;

// One client's bucket on one route. The limits are part of the key, so a configuration change starts new buckets.
readonly record struct BucketKey(string RouteId, string Client, int PermitsPerSecond, int Burst)
{
    // The client is the authenticated user (its "sub" claim), else the connection's IP address. X-Forwarded-For is not
    // read here, since any client can write one and would then pick its own bucket; only ASP.NET Core's forwarded-headers
    // middleware replaces the address, where it is enabled (deployed behind the ingress, see README).
    public static BucketKey For(HttpContext context, string routeId, RateLimitPolicy policy)
    {
        // JwtBearer maps "sub" to ClaimTypes.NameIdentifier unless its MapInboundClaims is turned off; either is the id.
        if (context.User.Identity?.IsAuthenticated == true &&
            (context.User.FindFirst("sub") ?? context.User.FindFirst(ClaimTypes.NameIdentifier))?.Value is { Length: > 0 } subject)
        {
            return new(routeId, $"user:{subject}", policy.Authenticated.PermitsPerSecond, policy.Authenticated.Burst);
        }

        var address = context.Connection.RemoteIpAddress;
        var ip = address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return new(routeId, $"ip:{ip}", policy.Anonymous.PermitsPerSecond, policy.Anonymous.Burst);
    }
}

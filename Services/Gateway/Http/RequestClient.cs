using System.Security.Claims;

namespace Gateway.Api.Http;

// Who a request comes from, for what the gateway decides per client (rate limits, a canary's share): the
// authenticated user (its "sub" claim) as "user:<sub>", else the connection's IP address as "ip:<address>".
// X-Forwarded-For is not read here, since any client can write one and would then pick its own share; only ASP.NET
// Core's forwarded-headers middleware replaces the address, where it is enabled (deployed behind the ingress, see README).
readonly record struct RequestClient(string Id, bool IsUser)
{
    public static RequestClient Of(HttpContext context)
    {
        // JwtBearer maps "sub" to ClaimTypes.NameIdentifier unless its MapInboundClaims is turned off; either is the id.
        if (context.User.Identity?.IsAuthenticated == true &&
            (context.User.FindFirst("sub") ?? context.User.FindFirst(ClaimTypes.NameIdentifier))?.Value is { Length: > 0 } subject)
        {
            return new($"user:{subject}", IsUser: true);
        }

        var address = context.Connection.RemoteIpAddress;
        var ip = address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return new($"ip:{ip}", IsUser: false);
    }
}

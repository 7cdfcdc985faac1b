using Yarp.ReverseProxy.Model;

namespace Gateway.Api.RateLimiting;

static class RateLimitMiddleware
{
    // In the proxy pipeline, so only forwarded requests count (health probes and the gateway's own 404s do not), and
    // after authentication, so a signed-in user is counted by its id. Every limited answer carries the RateLimit-*
    // headers, so a client can slow down before it is refused; a refusal is a 429 problem with Retry-After.
    public static IReverseProxyApplicationBuilder UseRateLimits(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var routeId = context.GetRouteModel().Config.RouteId;
            var decision = await context.RequestServices.GetRequiredService<ClientRateLimiter>().AcquireAsync(context, routeId);
            RateLimitHeaders.Write(context.Response.Headers, decision);
            if (decision.Allowed)
            {
                await next();
                return;
            }

            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too Many Requests",
                detail: $"This client has used up its {decision.Limit} requests on this route for now " +
                        $"(its limit refills over time). Retry after {context.Response.Headers.RetryAfter} s.")
                .ExecuteAsync(context);
        });

        return proxy;
    }
}

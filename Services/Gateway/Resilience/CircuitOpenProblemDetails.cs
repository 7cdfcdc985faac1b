using Gateway.Api.Http;
using Gateway.Api.Proxy;
using Polly.CircuitBreaker;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Api.Resilience;

static class CircuitOpenProblemDetails
{
    // An open circuit: the resilience handler refused to call the destination, which YARP reports like any failed
    // request (502). Answered before ProxyErrorProblemDetails sees it: a 503 with Retry-After, since the gateway
    // knows when it will try the backend again.
    public static IReverseProxyApplicationBuilder UseCircuitOpenProblemDetails(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();

            if (!context.Response.HasStarted && ExceptionChain.Find<BrokenCircuitException>(context.GetForwarderErrorFeature()?.Exception) is { } open)
            {
                context.Response.Headers.RetryAfter = DelaySeconds.Format(open.RetryAfter ?? TimeSpan.Zero, atLeast: 1);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Service Unavailable",
                    detail: $"The {ProxyErrorProblemDetails.ServiceName(context)} service has been failing, so the gateway is not calling it for now. Retry later.",
                    extensions: new Dictionary<string, object?> { ["circuit"] = "open" })
                    .ExecuteAsync(context);
            }
        });

        return proxy;
    }
}

using Gateway.Api.Http;
using Gateway.Api.Proxy;
using Microsoft.AspNetCore.Http.Timeouts;
using Polly.CircuitBreaker;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Api.Resilience;

static class ResilienceProblemDetails
{
    // Two forwarding failures that YARP cannot tell apart from others, answered before ProxyErrorProblemDetails sees them:
    //  - the route's timeout: ASP.NET Core's request timeout cancels the request, which YARP reports like a client
    //    that left (RequestCanceled); but the client is still there and is owed a 504;
    //  - an open circuit: the resilience handler refused to call the destination, which YARP reports like any failed
    //    request (502); it is a 503 with Retry-After, since the gateway knows when it will try again.
    public static IReverseProxyApplicationBuilder UseResilienceProblemDetails(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();

            if (context.Response.HasStarted || context.GetForwarderErrorFeature() is not { } error)
            {
                return;
            }

            var service = ProxyErrorProblemDetails.ServiceName(context);
            if (context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
            {
                var timeout = context.GetRouteModel().Config.Timeout;
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status504GatewayTimeout,
                    title: "Gateway Timeout",
                    detail: $"The {service} service did not answer within this route's timeout" +
                            (timeout is { } t ? $" of {t.TotalSeconds:0.###} s." : "."))
                    .ExecuteAsync(context);
            }
            else if (Find<BrokenCircuitException>(error.Exception) is { } open)
            {
                context.Response.Headers.RetryAfter = DelaySeconds.Format(open.RetryAfter ?? TimeSpan.Zero, atLeast: 1);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Service Unavailable",
                    detail: $"The {service} service has been failing, so the gateway is not calling it for now. Retry later.",
                    extensions: new Dictionary<string, object?> { ["circuit"] = "open" })
                    .ExecuteAsync(context);
            }
        });

        return proxy;
    }

    static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }
        return null;
    }
}

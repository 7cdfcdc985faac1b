using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Api.Proxy;

static class ProxyErrorProblemDetails
{
    // YARP answers a failed forward with a bare status code: 502 when the destination refuses or drops the
    // connection, 503 when no destination is available, 504 on a timeout. Gateway clients get RFC 9457
    // problem details instead, naming the service but never leaking the exception.
    public static IReverseProxyApplicationBuilder UseProxyErrorProblemDetails(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();

            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            var service = context.Features.Get<IReverseProxyFeature>()?.Cluster.Config.ClusterId ?? "upstream";
            var problemDetails = new ProblemDetails
            {
                Status = context.Response.StatusCode,
                Title = TitleFor(context.Response.StatusCode),
                Detail = $"The gateway could not get a response from the {service} service.",
            };
            problemDetails.Extensions["proxyError"] = error.Error.ToString();

            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new()
            {
                HttpContext = context,
                ProblemDetails = problemDetails,
            });
        });

        return proxy;
    }

    static string TitleFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status502BadGateway => "Bad Gateway",
        StatusCodes.Status503ServiceUnavailable => "Service Unavailable",
        StatusCodes.Status504GatewayTimeout => "Gateway Timeout",
        _ => "Proxy error",
    };
}

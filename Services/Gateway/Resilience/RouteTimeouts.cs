using Gateway.Api.Proxy;
using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Api.Resilience;

// Each route's "Timeout" (YARP hands it to ASP.NET Core's request timeouts) bounds the whole exchange with the backend.
// When it passes, the request's RequestAborted is cancelled; YARP stops forwarding and reports RequestCanceled, and
// ProxyErrorProblemDetails leaves a bare 504. Its problem details are written here, outside the timeout middleware,
// because only there is RequestAborted the connection's own token again (a write under the cancelled one is dropped).
static class RouteTimeouts
{
    public static IApplicationBuilder UseRouteTimeouts(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
            {
                await next(context);

                if (!context.Response.HasStarted &&
                    context.Response.StatusCode == StatusCodes.Status504GatewayTimeout &&
                    context.GetForwarderErrorFeature() is { Error: ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled })
                {
                    var timeout = context.GetRouteModel().Config.Timeout;
                    await TypedResults.Problem(
                        statusCode: StatusCodes.Status504GatewayTimeout,
                        title: "Gateway Timeout",
                        detail: $"The {ProxyErrorProblemDetails.ServiceName(context)} service did not answer within this route's timeout" +
                                (timeout is { } limit ? $" of {limit.TotalSeconds:0.###} s." : "."))
                        .ExecuteAsync(context);
                }
            })
            .UseRequestTimeouts();

    // Whether the route's timeout has passed for this request (while the timeout middleware is still on the stack).
    public static bool Elapsed(HttpContext context) =>
        context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
}

using Yarp.ReverseProxy.Model;

namespace Gateway.Api.Proxy;

static class RequestBodyLimit
{
    // YARP enforces the route's MaxRequestBodySize while it streams the body (a chunked body that grows past it fails
    // mid-way, see ProxyErrorProblemDetails). A Content-Length that already says "too large" is refused here, before
    // a backend is contacted, with a 413 that names the client's mistake and the limit.
    public static IReverseProxyApplicationBuilder UseRequestBodyLimit(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var limit = LimitFor(context);
            if (limit is { } max && context.Request.ContentLength > max)
            {
                await TooLarge(context, max).ExecuteAsync(context);
                return;
            }

            await next();
        });

        return proxy;
    }

    // The route's limit in bytes, or null when the route has none (-1).
    public static long? LimitFor(HttpContext context) =>
        context.Features.Get<IReverseProxyFeature>()?.Route.Config.MaxRequestBodySize is > 0 and var limit ? limit : null;

    public static IResult TooLarge(HttpContext context, long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The request body is larger than this route accepts. Send at most {limit} bytes.",
        extensions: new Dictionary<string, object?> { ["maxRequestBodySize"] = limit });
}

using Gateway.Api.Resilience;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Api.Proxy;

static class ProxyErrorProblemDetails
{
    // nginx's "Client Closed Request": nobody reads it, but logs and metrics then blame the client, not the backend.
    public const int ClientClosedRequest = 499;

    // YARP answers a failed forward with a bare status code and reports who failed in ForwarderError. Gateway clients
    // get RFC 9457 problem details instead, naming the party at fault but never leaking the exception:
    //  - the client (a body that is too large, shorter than its Content-Length, malformed chunks, or a client that
    //    went away): 413 or 400, or 499 when there is no one left to answer;
    //  - the backend (refused, dropped, timed out, none available): 502/503/504 naming the service.
    public static IReverseProxyApplicationBuilder UseProxyErrorProblemDetails(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();

            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted)
            {
                return;
            }

            if (context.RequestAborted.IsCancellationRequested)
            {
                // The route's timeout cancels RequestAborted too, but then the client is still there: it is owed a 504,
                // which RouteTimeouts writes once the token is no longer cancelled.
                context.Response.StatusCode = RouteTimeouts.Elapsed(context) ? StatusCodes.Status504GatewayTimeout : ClientClosedRequest;
                return;
            }

            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new()
            {
                HttpContext = context,
                ProblemDetails = IsClientError(error.Error) ? ClientProblem(context, error) : BackendProblem(context, error),
            });
        });

        return proxy;
    }

    static bool IsClientError(ForwarderError error) => error is
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient or
        ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient or
        ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient or
        ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeResponseClient;

    static ProblemDetails ClientProblem(HttpContext context, IForwarderErrorFeature error)
    {
        // Kestrel reports what was wrong with the body as a BadHttpRequestException with the status to answer:
        // 413 when a (chunked) body grows past the route's limit, 400 when it ends early or its framing is broken.
        var badRequest = ExceptionChain.Find<BadHttpRequestException>(error.Exception);
        if (badRequest?.StatusCode == StatusCodes.Status413PayloadTooLarge && RequestBodyLimit.LimitFor(context) is { } limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The request body is larger than this route accepts. Send at most {limit} bytes.",
                Extensions = { ["maxRequestBodySize"] = limit },
            };
        }

        var status = badRequest?.StatusCode is >= 400 and < 500 and var code ? code : StatusCodes.Status400BadRequest;
        context.Response.StatusCode = status;
        return new ProblemDetails
        {
            Status = status,
            Title = ReasonPhrases.GetReasonPhrase(status), // 408 when a short body stalls until Kestrel's rate limit
            Detail = "The gateway could not read the request body: it ended before its Content-Length, " +
                     "or its chunked encoding is malformed.",
        };
    }

    static ProblemDetails BackendProblem(HttpContext context, IForwarderErrorFeature error)
    {
        var service = ServiceName(context);

        // YARP picks 502, 503 (no destination) or 504 (timeout); anything else here is still the backend's failure.
        var status = context.Response.StatusCode is >= 500 and < 600 and var code ? code : StatusCodes.Status502BadGateway;
        context.Response.StatusCode = status;
        return new ProblemDetails
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status503ServiceUnavailable => "Service Unavailable",
                StatusCodes.Status504GatewayTimeout => "Gateway Timeout",
                _ => "Bad Gateway",
            },
            Detail = status == StatusCodes.Status504GatewayTimeout
                ? $"The {service} service did not answer in time."
                : $"The gateway could not get a response from the {service} service.",
            Extensions = { ["proxyError"] = error.Error.ToString() },
        };
    }

    // The cluster a request was forwarded to, which is named after the service behind it.
    public static string ServiceName(HttpContext context) =>
        context.Features.Get<IReverseProxyFeature>()?.Cluster?.Config.ClusterId ?? "upstream";
}

using System.Collections.Frozen;

namespace Gateway.Api.Http;

static class StandardMethods
{
    // The methods the services behind the gateway speak. Everything else is refused at the edge:
    // CONNECT would ask the gateway to tunnel, TRACE reflects the request (cross-site tracing), and unknown
    // tokens ("PROPFIND", "get") only fail further in, where YARP's HttpClient turns them into a 502.
    // Methods are case-sensitive (RFC 9110 §9.1), so "get" is unknown too.
    static readonly string[] Allowed =
    [
        HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put,
        HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options,
    ];

    static readonly FrozenSet<string> AllowedSet = Allowed.ToFrozenSet(StringComparer.Ordinal);

    static readonly string AllowHeader = string.Join(", ", Allowed);

    public static IApplicationBuilder UseStandardMethodsOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (AllowedSet.Contains(method))
            {
                await next(context);
                return;
            }

            // RFC 9110 §15.5.6: a 405 must list the methods that are allowed.
            context.Response.Headers.Allow = AllowHeader;
            await TypedResults.Problem(
                statusCode: StatusCodes.Status405MethodNotAllowed,
                title: "Method Not Allowed",
                detail: $"The gateway does not accept the {Printable(method)} method. Use one of: {AllowHeader}.")
                .ExecuteAsync(context);
        });

    // Kestrel only admits RFC 9110 token characters in a method, but keep the echo short.
    static string Printable(string method) => method.Length <= 32 ? method : method[..32] + "…";
}

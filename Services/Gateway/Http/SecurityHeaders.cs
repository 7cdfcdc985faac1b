namespace Gateway.Api.Http;

static class SecurityHeaders
{
    // The gateway serves JSON APIs only, so the browser gets nothing to sniff, frame, refer from or run.
    // A backend that serves a page (e.g. a login form) can send its own Content-Security-Policy; the others
    // are fixed. Server is removed because backends' "Server: Kestrel" would otherwise be copied through.
    const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // On starting, not now: YARP copies the backend's headers in later and would overwrite them.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                {
                    headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
                }
                headers.Remove("Server");
                return Task.CompletedTask;
            }, context.Response);

            await next(context);
        });
}

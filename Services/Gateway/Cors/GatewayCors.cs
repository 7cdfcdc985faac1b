using Gateway.Api.RateLimiting;

namespace Gateway.Api.Cors;

static class GatewayCors
{
    public const string PolicyName = "gateway";

    // Browsers on the origins listed in "Gateway:Cors:AllowedOrigins" may call every route (RouteDefaults attaches this
    // policy); with none listed, no cross-origin call is allowed. The CORS middleware answers preflights itself, so
    // they reach no backend, provided routing matched them to a route: once one route on a path lists its "Methods"
    // (catalog-read), endpoint routing matches a preflight only to routes that list the method it asks for, so the
    // other routes on that path must list theirs too (catalog-write), or the preflight is a 404. Exposed: the headers
    // a browser client needs to back off when it is rate limited.
    public static void AddGatewayCors(this IHostApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection("Gateway:Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddPolicy(PolicyName, policy => policy
            .WithOrigins(origins)
            .AllowAnyHeader()
            .AllowAnyMethod()
            .WithExposedHeaders(RateLimitHeaders.All)));
    }
}

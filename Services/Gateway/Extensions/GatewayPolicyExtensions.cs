using Gateway.Api.Cors;
using Gateway.Api.Policies;
using Gateway.Api.RateLimiting;
using Gateway.Api.Redis;
using Gateway.Api.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Api.Extensions;

// What the gateway enforces per route (configured under "Gateway:RouteDefaults" and "Gateway:Routes:<routeId>", plus
// YARP's own route "Timeout"): rate limits per client, a timeout, retries and circuit breakers towards the backends,
// and CORS.
public static class GatewayPolicyExtensions
{
    public static void AddGatewayPolicies(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RoutePolicies>();
        builder.Services.AddSingleton<IProxyConfigFilter, RouteDefaults>();

        builder.AddGatewayRedis();
        builder.AddClientRateLimiting();

        builder.Services.AddSingleton<BackendResilience>();
        builder.Services.AddSingleton<ITransformProvider, RouteIdTransform>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, ResilientForwarderHttpClientFactory>();

        builder.Services.AddRequestTimeouts();
        builder.AddGatewayCors();
    }

    // After routing (which WebApplication runs first), so both see the route's CORS policy and timeout.
    public static IApplicationBuilder UseGatewayPolicies(this IApplicationBuilder app) =>
        app.UseCors().UseRouteTimeouts();

    // In the proxy pipeline: open-circuit answers, then the rate limit, before anything else is done.
    public static IReverseProxyApplicationBuilder UseGatewayPolicies(this IReverseProxyApplicationBuilder proxy) =>
        proxy.UseCircuitOpenProblemDetails().UseRateLimits();
}

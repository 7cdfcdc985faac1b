using Gateway.Api.Auth;
using Gateway.Api.Proxy;
using Gateway.Api.Rollouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gateway.Api.Extensions;

public static class GatewayServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // "Server: Kestrel" tells an attacker what to aim at and tells a client nothing it needs.
        // (Backend Server headers are stripped in SecurityHeaders.) Kestrel's header limits stay at its
        // defaults: 8 KB request line (414), 32 KB of headers and 100 headers (431), invalid ones 400.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        // Routes and clusters live in configuration ("ReverseProxy") so auth, rate-limit and canary policies
        // can be attached per route without code changes. Cluster destinations name services
        // ("http://catalog"), which service discovery expands into the running replicas: `services:catalog:http:N`
        // from configuration under the AppHost, DNS in Kubernetes.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<DefaultRequestBodyLimit>()
            .AddServiceDiscoveryDestinationResolver();

        builder.AddGatewayPolicies();
        builder.AddGatewayAuth();
        builder.AddRollouts();
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        // YARP's default pipeline (affinity, load balancing, passive health), wrapped so forwarding
        // failures come back as problem details that say whose fault they are, and preceded by the
        // route's policies (rate limit, see GatewayPolicyExtensions) and the body-size check so an oversized
        // upload is refused before a backend is contacted; then a rollout's canary takes its share of clients.
        app.MapReverseProxy(proxy =>
        {
            proxy.UseProxyErrorProblemDetails();
            proxy.UseGatewayPolicies();
            proxy.UseRequestBodyLimit();
            proxy.UseCanaryRouting();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });

        app.MapRolloutsApi();
        return app;
    }
}

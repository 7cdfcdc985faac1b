using Gateway.Api.Proxy;

namespace Gateway.Api.Extensions;

public static class GatewayServiceExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Routes and clusters live in configuration ("ReverseProxy") so auth, rate-limit and canary policies
        // can be attached per route without code changes. Cluster destinations name services
        // ("http://catalog"), which service discovery expands into the running replicas: `services:catalog:http:N`
        // from configuration under the AppHost, DNS in Kubernetes.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        // YARP's default pipeline (affinity, load balancing, passive health), wrapped so forwarding
        // failures come back as problem details.
        app.MapReverseProxy(proxy =>
        {
            proxy.UseProxyErrorProblemDetails();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });

        return app;
    }
}

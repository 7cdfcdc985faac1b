using Gateway.Api.Cors;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Api.Policies;

// Every route gets a timeout and the gateway's CORS policy unless its YARP config names its own: "Timeout" (the whole
// exchange, answered 504 when it passes, see RouteTimeouts) defaults to "Gateway:Timeout", else 30 s;
// "CorsPolicy" defaults to the policy built from "Gateway:Cors".
sealed class RouteDefaults(IConfiguration configuration) : IProxyConfigFilter
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => new(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        if (route.Timeout is null && route.TimeoutPolicy is null)
        {
            route = route with { Timeout = configuration.GetValue("Gateway:Timeout", DefaultTimeout) };
        }

        return new(route.CorsPolicy is null ? route with { CorsPolicy = GatewayCors.PolicyName } : route);
    }
}

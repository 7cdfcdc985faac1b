using Yarp.ReverseProxy.Configuration;

namespace Gateway.Api.Auth;

// A route that names no "AuthorizationPolicy" needs an authenticated caller: forgetting the field must close a route,
// not open it. Routes meant for everyone say "anonymous".
sealed class DefaultAuthorizationPolicy : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => new(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        new(string.IsNullOrEmpty(route.AuthorizationPolicy) ? route with { AuthorizationPolicy = GatewayPolicies.Authenticated } : route);
}

using Yarp.ReverseProxy.Configuration;

namespace Gateway.Api.Proxy;

// Every route gets a request body limit: its own "MaxRequestBodySize" from configuration (YARP's route setting,
// -1 for none), else "Gateway:MaxRequestBodySize", else 1 MB. Kestrel's server-wide 30 MB is far more than any API
// body here, and a limit per route lets an upload route be given more without raising it for everyone.
sealed class DefaultRequestBodyLimit(IConfiguration configuration) : IProxyConfigFilter
{
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => new(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel)
    {
        if (route.MaxRequestBodySize is not null)
        {
            return new(route);
        }

        var limit = configuration.GetValue("Gateway:MaxRequestBodySize", DefaultMaxRequestBodySize);
        return new(route with { MaxRequestBodySize = limit });
    }
}

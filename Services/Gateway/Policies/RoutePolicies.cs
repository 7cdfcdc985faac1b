using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Gateway.Api.Policies;

// Each route's policy, bound once and kept until the configuration reloads (as YARP's routes do).
sealed class RoutePolicies
{
    public const string DefaultsSection = "Gateway:RouteDefaults";
    public const string RoutesSection = "Gateway:Routes";

    readonly IConfiguration configuration;
    readonly ConcurrentDictionary<string, RoutePolicy> policies = new();

    public RoutePolicies(IConfiguration configuration)
    {
        this.configuration = configuration;
        ChangeToken.OnChange(configuration.GetReloadToken, policies.Clear);
    }

    public RoutePolicy For(string routeId) => policies.GetOrAdd(routeId, id =>
    {
        var policy = new RoutePolicy();
        configuration.GetSection(DefaultsSection).Bind(policy);
        configuration.GetSection($"{RoutesSection}:{id}").Bind(policy);
        return policy;
    });
}

using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Gateway.Api.ServiceDiscovery;

// Stands in for Microsoft.Extensions.ServiceDiscovery.Yarp, which our registry does not serve.
// A destination addresses a service by name ("http://catalog"); this expands it into one destination per
// endpoint that service discovery resolves: `services:catalog:http:N` from configuration under the AppHost,
// DNS in Kubernetes. YARP then load-balances and health-checks the replicas itself.
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations,
        CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var changeTokens = new List<IChangeToken>();

        foreach (var (name, destination) in destinations)
        {
            var (expanded, changeToken) = await ResolveAsync(name, destination, cancellationToken);
            foreach (var (expandedName, expandedDestination) in expanded)
            {
                resolved[expandedName] = expandedDestination;
            }

            changeTokens.Add(changeToken);
        }

        // YARP calls us again when any service's endpoints change (configuration reload or refresh period).
        IChangeToken? combined = changeTokens.Count switch
        {
            0 => null,
            1 => changeTokens[0],
            _ => new CompositeChangeToken(changeTokens),
        };

        return new ResolvedDestinationCollection(resolved, combined);
    }

    async Task<(List<KeyValuePair<string, DestinationConfig>> Destinations, IChangeToken ChangeToken)> ResolveAsync(
        string name,
        DestinationConfig destination,
        CancellationToken cancellationToken)
    {
        var address = new Uri(destination.Address);

        // The scheme is part of the service name: "http://catalog" selects the catalog service's http endpoints.
        var serviceName = address.GetLeftPart(UriPartial.Authority);
        var source = await resolver.GetEndpointsAsync(serviceName, cancellationToken);

        var results = new List<KeyValuePair<string, DestinationConfig>>(source.Endpoints.Count);
        foreach (var serviceEndpoint in source.Endpoints)
        {
            var endpoint = ToUri(serviceEndpoint.EndPoint, address.Scheme);
            var resolvedDestination = destination with
            {
                Address = Rebase(address, endpoint),
                Health = destination.Health is { Length: > 0 } health ? Rebase(new Uri(health), endpoint) : null,
            };

            // Named by endpoint, so a refresh that keeps an endpoint keeps YARP's health state for it.
            results.Add(new($"{name}[{endpoint.Authority}]", resolvedDestination));
        }

        return (results, source.ChangeToken);
    }

    // Keeps the configured path (e.g. http://catalog/base/) and takes scheme, host and port from the endpoint.
    static string Rebase(Uri configured, Uri endpoint) =>
        new UriBuilder(configured) { Scheme = endpoint.Scheme, Host = endpoint.Host, Port = endpoint.Port }.Uri.ToString();

    static Uri ToUri(EndPoint endPoint, string defaultScheme) => endPoint switch
    {
        UriEndPoint uriEndPoint => uriEndPoint.Uri,
        // Port 0 means "not specified" (the pass-through provider): use the scheme's default port.
        DnsEndPoint dns => new UriBuilder(defaultScheme, dns.Host, dns.Port == 0 ? -1 : dns.Port).Uri,
        IPEndPoint ip => new UriBuilder(defaultScheme, ip.Address.ToString(), ip.Port == 0 ? -1 : ip.Port).Uri,
        _ => throw new InvalidOperationException($"Service discovery returned an endpoint of unsupported type {endPoint.GetType().Name}: {endPoint}."),
    };
}

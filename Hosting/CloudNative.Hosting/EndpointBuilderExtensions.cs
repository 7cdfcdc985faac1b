using System.Net.Sockets;
using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting;

/// <summary>Endpoints, and whether they are public.</summary>
public static class EndpointBuilderExtensions
{
    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, string name, string scheme, int? port = null, int? targetPort = null, bool isExternal = false, bool isProxied = true)
        where T : IResourceWithEndpoints
    {
        if (builder.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == name))
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' already has an endpoint named '{name}'. Endpoint names must be unique per resource.");
        }

        ThrowIfInvalidPort(builder.Resource, name, port);
        ThrowIfInvalidPort(builder.Resource, name, targetPort);
        return builder.WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, scheme, null, name, port, targetPort, isExternal, isProxied));
    }

    /// <summary>Changes an existing endpoint, for example the port of a project's default <c>http</c> endpoint.</summary>
    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, string name, Action<EndpointAnnotation> configure)
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == name)
            ?? throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' has no endpoint named '{name}'. Add it with WithEndpoint or WithHttpEndpoint first.");
        configure(endpoint);
        ThrowIfInvalidPort(builder.Resource, name, endpoint.Port);
        return builder;
    }

    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string? name = null)
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(name ?? "http", "http", port, targetPort);

    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : IResourceWithEndpoints
    {
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme is "http" or "https"))
        {
            endpoint.IsExternal = true;
        }

        return builder;
    }

    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name) where T : IResourceWithEndpoints =>
        new(builder.Resource, name);

    private static void ThrowIfInvalidPort(IResource resource, string endpointName, int? port)
    {
        if (port is < 1 or > 65535)
        {
            throw new DistributedApplicationException($"Resource '{resource.Name}' endpoint '{endpointName}': port {port} is outside 1-65535. Choose a valid port or leave it unset for a free one.");
        }
    }
}

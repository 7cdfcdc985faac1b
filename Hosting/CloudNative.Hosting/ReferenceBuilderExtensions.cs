using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting;

/// <summary>WithReference: the variables Aspire injects for a referenced resource (aspire-contracts §3.1).</summary>
public static class ReferenceBuilderExtensions
{
    /// <summary>
    /// Injects <c>ConnectionStrings__{name}</c> and the Aspire 13 connection properties <c>{NAME}_{PROPERTY}</c>.
    /// </summary>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where TDestination : IResourceWithEnvironment
    {
        var resource = source.Resource;
        connectionName ??= resource.Name;
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                var variable = resource.ConnectionStringEnvironmentVariable ?? $"ConnectionStrings__{connectionName}";
                context.EnvironmentVariables[variable] = resource;
                var prefix = EnvironmentVariableNames.Encode(connectionName);
                foreach (var (property, value) in resource.GetConnectionProperties())
                {
                    context.EnvironmentVariables[$"{prefix}_{EnvironmentVariableNames.Encode(property)}"] = value;
                }
            }));
    }

    /// <summary>
    /// Injects, per endpoint, <c>{NAME}_{ENDPOINT}</c> and <c>services__{name}__{endpoint}__0</c>, which
    /// Microsoft.Extensions.ServiceDiscovery reads.
    /// </summary>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, IResourceBuilder<IResourceWithServiceDiscovery> source, string? name = null)
        where TDestination : IResourceWithEnvironment
    {
        var resource = source.Resource;
        var serviceName = name ?? resource.Name;
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.UriScheme is "http" or "https"))
                {
                    AddEndpointVariables(context.EnvironmentVariables, serviceName, new EndpointReference(resource, endpoint.Name));
                }
            }));
    }

    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, EndpointReference endpoint)
        where TDestination : IResourceWithEnvironment
    {
        var serviceName = endpoint.Resource.Name;
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(endpoint.Resource, "Reference"))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context => AddEndpointVariables(context.EnvironmentVariables, serviceName, endpoint)));
    }

    /// <summary>Aspire 13's <c>{NAME}_{ENDPOINT}</c>, then the <c>services__</c> key service discovery reads, in Aspire's order.</summary>
    private static void AddEndpointVariables(Dictionary<string, object> environment, string serviceName, EndpointReference endpoint)
    {
        environment[$"{EnvironmentVariableNames.Encode(serviceName)}_{EnvironmentVariableNames.Encode(endpoint.EndpointName)}"] = endpoint;
        environment[$"services__{serviceName}__{endpoint.EndpointName}__0"] = endpoint;
    }
}

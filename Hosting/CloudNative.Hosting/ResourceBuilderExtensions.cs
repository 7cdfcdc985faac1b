using System.Net.Sockets;
using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting;

public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string? value) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value ?? string.Empty));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value) where T : IResourceWithEnvironment
    {
        // Recorded so that the model check sees every resource the expression reads, not just WithReference ones.
        foreach (var resource in ValueReferences.ResourcesOf(value))
        {
            builder.WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"));
        }

        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value));
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, EndpointReference endpoint) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new ResourceRelationshipAnnotation(endpoint.Resource, "Reference"))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = endpoint));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new ResourceRelationshipAnnotation(parameter.Resource, "Reference"))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = parameter.Resource));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params object[] args) where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsCallbackAnnotation(list => list.AddRange(args)));

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
                    var reference = new EndpointReference(resource, endpoint.Name);
                    context.EnvironmentVariables[$"{EnvironmentVariableNames.Encode(serviceName)}_{EnvironmentVariableNames.Encode(endpoint.Name)}"] = reference;
                    context.EnvironmentVariables[$"services__{serviceName}__{endpoint.Name}__0"] = reference;
                }
            }));
    }

    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, EndpointReference endpoint)
        where TDestination : IResourceWithEnvironment
    {
        var serviceName = endpoint.Resource.Name;
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(endpoint.Resource, "Reference"))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                context.EnvironmentVariables[$"{EnvironmentVariableNames.Encode(serviceName)}_{EnvironmentVariableNames.Encode(endpoint.EndpointName)}"] = endpoint;
                context.EnvironmentVariables[$"services__{serviceName}__{endpoint.EndpointName}__0"] = endpoint;
            }));
    }

    /// <summary>Start only after every replica of <paramref name="dependency"/> is Running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, WaitBehavior waitBehavior = WaitBehavior.StopOnResourceUnavailable)
        where T : IResourceWithWaitSupport =>
        builder.WithWait(dependency.Resource, WaitType.WaitUntilHealthy, 0, waitBehavior);

    /// <summary>Start only after <paramref name="dependency"/> has finished with <paramref name="exitCode"/>.</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, int exitCode = 0)
        where T : IResourceWithWaitSupport =>
        builder.WithWait(dependency.Resource, WaitType.WaitForCompletion, exitCode, WaitBehavior.StopOnResourceUnavailable);

    public static IResourceBuilder<T> WithHealthCheck<T>(this IResourceBuilder<T> builder, string key) where T : IResource =>
        builder.WithAnnotation(new HealthCheckAnnotation(key));

    /// <summary>Healthy when <c>GET {path}</c> on the endpoint answers <paramref name="statusCode"/> (200 by default).</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string? path = null, int? statusCode = null, string? endpointName = null)
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.Annotations.OfType<EndpointAnnotation>()
            .FirstOrDefault(e => endpointName is null ? e.UriScheme is "http" or "https" : e.Name == endpointName)
            ?? throw new DistributedApplicationException(
                $"Resource '{builder.Resource.Name}' has no {(endpointName is null ? "http or https endpoint" : $"endpoint named '{endpointName}'")} for WithHttpHealthCheck. Add one with WithHttpEndpoint() first.");
        path ??= "/";
        var expected = statusCode ?? 200;
        var key = $"{builder.Resource.Name}_{endpoint.Name}_{path}_{expected}_check";
        var reference = new EndpointReference(builder.Resource, endpoint.Name);
        Orchestration.HealthCheckRegistrations.AddHttp(builder.ApplicationBuilder, key, reference, path, expected);
        return builder.WithHealthCheck(key);
    }

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

    public static IResourceBuilder<T> ExcludeFromManifest<T>(this IResourceBuilder<T> builder) where T : IResource =>
        builder.WithAnnotation(new ManifestExclusionAnnotation());

    private static IResourceBuilder<T> WithWait<T>(this IResourceBuilder<T> builder, IResource dependency, WaitType waitType, int exitCode, WaitBehavior behavior)
        where T : IResource
    {
        if (ReferenceEquals(builder.Resource, dependency))
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' cannot wait for itself. Remove the WaitFor call.");
        }

        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(dependency, "WaitFor"))
            .WithAnnotation(new WaitAnnotation(dependency, waitType, exitCode, behavior));
    }

    private static void ThrowIfInvalidPort(IResource resource, string endpointName, int? port)
    {
        if (port is < 1 or > 65535)
        {
            throw new DistributedApplicationException($"Resource '{resource.Name}' endpoint '{endpointName}': port {port} is outside 1-65535. Choose a valid port or leave it unset for a free one.");
        }
    }
}

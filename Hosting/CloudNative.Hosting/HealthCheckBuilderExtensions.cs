using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting;

/// <summary>Health checks the AppHost runs against a resource.</summary>
public static class HealthCheckBuilderExtensions
{
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
}

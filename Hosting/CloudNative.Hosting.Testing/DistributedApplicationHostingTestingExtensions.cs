using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Testing;

public static class DistributedApplicationHostingTestingExtensions
{
    /// <summary>An HttpClient for a resource's endpoint (<c>http</c>, then <c>https</c>, by default).</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string? endpointName = null) =>
        new() { BaseAddress = app.GetEndpoint(resourceName, endpointName) };

    public static Uri GetEndpoint(this DistributedApplication app, string resourceName, string? endpointName = null)
    {
        var resource = app.GetResource(resourceName);
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        var endpoint = endpointName is not null
            ? endpoints.FirstOrDefault(e => e.Name == endpointName)
            : endpoints.FirstOrDefault(e => e.Name == "http") ?? endpoints.FirstOrDefault(e => e.Name == "https");
        if (endpoint is null)
        {
            throw new ArgumentException($"Resource '{resourceName}' has no endpoint named '{endpointName ?? "http or https"}'. Its endpoints: {string.Join(", ", endpoints.Select(e => e.Name))}.", nameof(endpointName));
        }

        var allocated = endpoint.AllocatedEndpoint
            ?? throw new InvalidOperationException($"The endpoint '{endpoint.Name}' of resource '{resourceName}' is not allocated. Start the application first (await app.StartAsync()).");
        return new Uri(allocated.UriString);
    }

    public static ValueTask<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default) =>
        app.GetResource(resourceName) is IResourceWithConnectionString resource
            ? resource.GetConnectionStringAsync(cancellationToken)
            : throw new ArgumentException($"Resource '{resourceName}' does not expose a connection string.", nameof(resourceName));

    /// <summary>Kills one process of a resource as a crash would; the orchestrator restarts it.</summary>
    public static bool KillResourceProcess(this DistributedApplication app, string resourceName, int pid) =>
        app.Orchestrator.KillProcess(resourceName, pid);

    private static IResource GetResource(this DistributedApplication app, string resourceName) =>
        app.Builder.Resources.FirstOrDefault(r => string.Equals(r.Name, resourceName, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Resource '{resourceName}' not found. Known resources: {string.Join(", ", app.Builder.Resources.Select(r => r.Name))}.", nameof(resourceName));
}

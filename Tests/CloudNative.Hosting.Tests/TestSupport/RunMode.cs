using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudNative.Hosting.Tests.TestSupport;

/// <summary>What run mode hands a launcher or an environment callback, without starting anything.</summary>
internal static class RunMode
{
    public static DistributedApplicationExecutionContext Context { get; } = new(DistributedApplicationOperation.Run);

    public static DistributedApplicationExecutionContext Publish { get; } = new(DistributedApplicationOperation.Publish);

    /// <summary>Gives an endpoint the address the orchestrator would have chosen.</summary>
    public static int Allocate(IResource resource, string endpointName, int port)
    {
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpointName);
        endpoint.Allocate(new AllocatedEndpoint(endpoint, "localhost", port));
        return port;
    }

    public static Task<Dictionary<string, string>> EnvironmentOf(IResource resource) =>
        ResourceValues.ResolveEnvironmentAsync(resource, Context);

    public static LaunchContext LaunchContext(IResource resource, string dataDirectory, bool ephemeralData = false) =>
        new(resource, Context, dataDirectory, ephemeralData, NullLogger.Instance, new ServiceCollection().BuildServiceProvider());

    public static ReplicaInstance Replica(IResource resource, params (string Endpoint, int Port)[] targetPorts) =>
        new(ReplicaIds.New(resource.Name), targetPorts.ToDictionary(t => t.Endpoint, t => t.Port, StringComparer.Ordinal));
}

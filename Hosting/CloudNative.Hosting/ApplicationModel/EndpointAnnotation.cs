using System.Net.Sockets;

namespace CloudNative.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint. <see cref="Port"/> is what clients use (the proxy's port in run mode);
/// <see cref="TargetPort"/> is what the workload listens on.
/// </summary>
public sealed class EndpointAnnotation(
    ProtocolType protocol,
    string uriScheme,
    string? transport,
    string name,
    int? port = null,
    int? targetPort = null,
    bool isExternal = false,
    bool isProxied = true) : IResourceAnnotation
{
    private TaskCompletionSource<AllocatedEndpoint> _allocated = NewCompletionSource();

    public ProtocolType Protocol { get; } = protocol;

    public string UriScheme { get; set; } = uriScheme;

    public string Transport { get; set; } = transport ?? (uriScheme is "http" or "https" ? "http" : uriScheme);

    public string Name { get; } = name;

    public int? Port { get; set; } = port;

    public int? TargetPort { get; set; } = targetPort;

    public bool IsExternal { get; set; } = isExternal;

    public bool IsProxied { get; set; } = isProxied;

    public AllocatedEndpoint? AllocatedEndpoint => _allocated.Task.IsCompletedSuccessfully ? _allocated.Task.Result : null;

    /// <summary>Completes when the orchestrator has chosen the address clients use.</summary>
    public Task<AllocatedEndpoint> WhenAllocated => _allocated.Task;

    internal void Allocate(AllocatedEndpoint endpoint) => _allocated.TrySetResult(endpoint);

    internal void ResetAllocation() => _allocated = NewCompletionSource();

    private static TaskCompletionSource<AllocatedEndpoint> NewCompletionSource() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed record AllocatedEndpoint(EndpointAnnotation Endpoint, string Host, int Port)
{
    public string UriString => $"{Endpoint.UriScheme}://{Host}:{Port}";

    public override string ToString() => UriString;
}

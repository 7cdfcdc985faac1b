using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// The addresses of one resource: allocated for every resource before anything starts (as DCP does),
/// so a reference never waits on a resource that failed, and proxies that follow the live replicas.
/// </summary>
internal sealed class ResourceEndpoints(IResource resource) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<int>> _liveTargets = new(StringComparer.Ordinal);
    private readonly List<TcpProxy> _proxies = [];

    public IResource Resource { get; } = resource;

    public IReadOnlyList<EndpointAnnotation> Endpoints { get; } = [.. resource.Annotations.OfType<EndpointAnnotation>()];

    public void Allocate(bool randomizePorts)
    {
        foreach (var endpoint in Endpoints)
        {
            var fixedPort = randomizePorts ? null : endpoint.Port;
            if (endpoint.IsProxied)
            {
                var proxy = new TcpProxy(Resource.Name, endpoint.Name, fixedPort ?? PortAllocator.Allocate(), () => LiveTargets(endpoint.Name));
                proxy.Start();
                _proxies.Add(proxy);
                endpoint.Allocate(new AllocatedEndpoint(endpoint, "localhost", proxy.Port));
            }
            else
            {
                // Without a proxy the workload binds the port itself: a target port is as fixed as a port, and is
                // randomized likewise (a container maps it; other launchers are given the allocated port).
                var ownPort = randomizePorts ? null : endpoint.Port ?? endpoint.TargetPort;
                if (ownPort is { } port && !PortAllocator.IsFree(port))
                {
                    throw new DistributedApplicationException(
                        $"Resource '{Resource.Name}' endpoint '{endpoint.Name}': port {port} is already in use. Stop the process that holds it (ss -ltnp 'sport = :{port}') or give the endpoint another port.");
                }

                endpoint.Allocate(new AllocatedEndpoint(endpoint, "localhost", ownPort ?? PortAllocator.Allocate()));
            }
        }
    }

    /// <summary>The ports a new replica listens on: fresh ones behind proxies, the endpoint's own port otherwise.</summary>
    public Dictionary<string, int> TargetPortsForNewReplica() =>
        Endpoints.ToDictionary(e => e.Name, e => e.IsProxied ? PortAllocator.Allocate() : e.AllocatedEndpoint!.Port, StringComparer.Ordinal);

    public void AddLive(ReplicaInstance replica) => Update(replica, add: true);

    public void RemoveLive(ReplicaInstance replica) => Update(replica, add: false);

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
        }
    }

    private IReadOnlyList<int> LiveTargets(string endpointName)
    {
        lock (_gate)
        {
            return _liveTargets.TryGetValue(endpointName, out var ports) ? [.. ports] : [];
        }
    }

    private void Update(ReplicaInstance replica, bool add)
    {
        lock (_gate)
        {
            foreach (var (endpointName, port) in replica.TargetPorts)
            {
                if (!_liveTargets.TryGetValue(endpointName, out var ports))
                {
                    _liveTargets[endpointName] = ports = [];
                }

                if (add)
                {
                    ports.Add(port);
                }
                else
                {
                    ports.Remove(port);
                }
            }
        }
    }
}

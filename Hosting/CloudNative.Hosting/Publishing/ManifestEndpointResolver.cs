using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Publishing;

internal readonly record struct ResolvedPort(int? Value, bool IsImplicit)
{
    public static ResolvedPort None => new(null, false);

    public static ResolvedPort Explicit(int port) => new(port, false);

    public static ResolvedPort Implicit(int port) => new(port, true);

    public static ResolvedPort Allocated(int port) => new(port, false);
}

internal sealed record ResolvedEndpoint(EndpointAnnotation Endpoint, ResolvedPort TargetPort, ResolvedPort ExposedPort);

/// <summary>Aspire 13's port rules for a deployment target (<c>ResourceExtensions.ResolveEndpoints</c>).</summary>
internal static class ManifestEndpointResolver
{
    public static IReadOnlyList<ResolvedEndpoint> Resolve(IResource resource, ManifestPortAllocator allocator)
    {
        var httpSchemesSeen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ResolvedEndpoint>();
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            var targetPort = (resource, endpoint.UriScheme, endpoint.TargetPort, endpoint.Port) switch
            {
                (_, _, int target, _) => ResolvedPort.Explicit(target),
                // A container listens where it is exposed, unless told otherwise.
                (ContainerResource, _, null, int port) => ResolvedPort.Implicit(port),
                // A project's default http/https endpoint: the deployment tool picks the port (HTTP_PORTS).
                (ProjectResource, var scheme, null, _) when IsHttp(scheme) && !httpSchemesSeen.Contains(scheme) => ResolvedPort.None,
                _ => ResolvedPort.Allocated(allocator.Allocate()),
            };

            if (resource is ProjectResource && IsHttp(endpoint.UriScheme))
            {
                httpSchemesSeen.Add(endpoint.UriScheme);
            }

            var exposedPort = (endpoint.UriScheme, endpoint.Port, targetPort.Value) switch
            {
                (_, int port, _) => ResolvedPort.Explicit(port),
                (_, null, int target) => ResolvedPort.Implicit(target),
                ("http" or "https", null, null) => ResolvedPort.None,
                _ => ResolvedPort.Allocated(allocator.Allocate()),
            };

            allocator.MarkUsed(exposedPort.Value);
            allocator.MarkUsed(targetPort.Value);
            result.Add(new ResolvedEndpoint(endpoint, targetPort, exposedPort));
        }

        return result;

        static bool IsHttp(string scheme) => scheme is "http" or "https";
    }
}

/// <summary>Hands out ports from 8000 up, skipping ports already in the manifest.</summary>
internal sealed class ManifestPortAllocator
{
    private readonly HashSet<int> _used = [];
    private int _next = 8000;

    public int Allocate()
    {
        while (_used.Contains(_next))
        {
            _next++;
        }

        _used.Add(_next);
        return _next++;
    }

    public void MarkUsed(int? port)
    {
        if (port is { } value)
        {
            _used.Add(value);
        }
    }
}

using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>A local process listens on its endpoint's port itself: the allocated endpoint is that port on loopback.</summary>
internal static class LocalEndpoints
{
    public static void Allocate(IResource resource)
    {
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>().Where(e => e.AllocatedEndpoint is null))
        {
            // DCP gives proxy-less endpoints their port before resources initialize; this covers a DCP that did not.
            var port = endpoint.Port ?? FreeLoopbackPort();
            endpoint.Port = port;
            endpoint.TargetPort = port;
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

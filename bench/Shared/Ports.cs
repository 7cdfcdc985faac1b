using System.Net;
using System.Net.Sockets;

namespace CloudNative.Bench;

internal static class Ports
{
    /// <summary>A port nobody listens on now, so the bench never collides with a developer's run.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

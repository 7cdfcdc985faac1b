using System.Net;
using System.Net.Sockets;

namespace CloudNative.KafkaDevBroker.Tests;

internal static class FreePort
{
    /// <summary>A loopback port the kernel just handed out and released, for a broker told to take it with --port.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

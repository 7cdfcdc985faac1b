using System.Net;
using System.Net.Sockets;

namespace CloudNative.Hosting.Orchestration;

/// <summary>Hands out free loopback ports, never the same one twice in this process.</summary>
internal sealed class PortAllocator
{
    private readonly Lock _gate = new();
    private readonly HashSet<int> _handedOut = [];

    public int Allocate()
    {
        lock (_gate)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (_handedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace CloudNative.Testing;

/// <summary>
/// A port for a test that needs to name one up front. It is taken below the kernel's ephemeral range: a port
/// probed through port 0 and released can be handed to any parallel test that binds port 0 before it is used.
/// </summary>
internal static class UnusedPort
{
    private const int Lowest = 10_000;
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        var ceiling = EphemeralRangeStart();
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, ceiling);
                if (HandedOut.Add(port) && IsFree(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {ceiling}.");
    }

    private static int EphemeralRangeStart()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(RangeFile) && int.TryParse(File.ReadAllText(RangeFile).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start) && start > Lowest
            ? start
            : 32_768;
    }

    private static bool IsFree(int port)
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

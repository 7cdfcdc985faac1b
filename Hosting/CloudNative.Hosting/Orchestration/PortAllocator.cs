using System.Net;
using System.Net.Sockets;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// Hands out free loopback ports, never the same one twice in this process. A port is probed free, released and
/// bound by its workload seconds later. In that window the kernel may give it to any bind to port 0 or outgoing
/// connection, so ports are drawn from below the ephemeral range instead, walking up from a random start so that
/// two AppHosts on one machine rarely probe the same ones.
/// </summary>
internal static class PortAllocator
{
    private const int Lowest = 10_000;
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    // One per process, shared by every app in it (a test run hosts several), so two never race for one port.
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];
    private static readonly int Ceiling = EphemeralRangeStart();
    private static int s_next = Random.Shared.Next(Lowest, Ceiling);

    public static int Allocate()
    {
        lock (Gate)
        {
            for (var probed = 0; probed < Ceiling - Lowest; probed++)
            {
                var port = s_next;
                s_next = s_next + 1 < Ceiling ? s_next + 1 : Lowest;
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port is left between {Lowest} and {Ceiling}. Stop some of the processes listening there.");
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

    private static int EphemeralRangeStart() =>
        File.Exists(EphemeralRangeFile)
        && int.TryParse(File.ReadAllText(EphemeralRangeFile).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), out var start)
        && start > Lowest + 1_000
            ? start
            : 32_768;
}

using System.Globalization;

namespace CloudNative.IntegrationTests;

/// <summary>Reads /proc: whether some of the processes own the TCP connection from a local port, e.g. a Postgres client's.</summary>
internal static class ProcessSockets
{
    public static bool OwnLocalPort(IEnumerable<int> pids, int localPort)
    {
        var inodes = new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // Header lines have no address, so no colon in their second field.
            .Where(f => f.Length > 9 && f[1].Contains(':') && int.Parse(f[1][(f[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber) == localPort)
            .Select(f => $"socket:[{f[9]}]")
            .ToHashSet();

        return pids.Any(pid => Directory.EnumerateFiles($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)));
    }
}

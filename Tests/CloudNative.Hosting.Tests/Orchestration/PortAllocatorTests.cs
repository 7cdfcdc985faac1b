using System.Net;
using System.Net.Sockets;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.Orchestration;

[Collection(SocketStateCollection.Name)]
public sealed class PortAllocatorTests
{
    [Fact]
    public void NeverHandsOutThePortTwice()
    {
        var ports = Enumerable.Range(0, 500).Select(_ => PortAllocator.Allocate()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void DrawsBelowTheEphemeralRange()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0]);

        var ports = Enumerable.Range(0, 50).Select(_ => PortAllocator.Allocate()).ToList();

        Assert.All(ports, port => Assert.InRange(port, 10_000, ephemeralStart - 1));
    }

    [Fact]
    public void NeverRepeatsAcrossThreads()
    {
        var ports = new System.Collections.Concurrent.ConcurrentBag<int>();

        Parallel.For(0, 200, _ => ports.Add(PortAllocator.Allocate()));

        Assert.Equal(200, ports.Distinct().Count());
    }

    [Fact]
    public void AllocatedPortCanBeBound()
    {
        var port = PortAllocator.Allocate();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }

    [Fact]
    public void IsFreeSeesAListener()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        Assert.False(PortAllocator.IsFree(((IPEndPoint)listener.LocalEndpoint).Port));
    }
}

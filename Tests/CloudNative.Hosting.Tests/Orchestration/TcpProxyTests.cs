using System.Net;
using System.Net.Sockets;
using System.Text;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.Orchestration;

/// <summary>The endpoint proxy: one stable port, connections spread round-robin over live replicas, dead ones skipped.</summary>
[Collection(SocketStateCollection.Name)]
public sealed class TcpProxyTests
{
    [Fact]
    public async Task ConnectionsAlternateBetweenTwoReplicas()
    {
        await using var a = new TaggedEchoServer('A');
        await using var b = new TaggedEchoServer('B');
        await using var proxy = StartProxy(() => [a.Port, b.Port]);

        var tags = new List<char>();
        for (var i = 0; i < 6; i++)
        {
            tags.Add(await ConnectAndEchoAsync(proxy.Port));
        }

        Assert.Equal(3, tags.Count(t => t == 'A'));
        Assert.Equal(3, tags.Count(t => t == 'B'));
        Assert.All(tags.Zip(tags.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public async Task DeadReplicaIsSkipped()
    {
        await using var a = new TaggedEchoServer('A');
        var dead = PortAllocator.Allocate();
        await using var proxy = StartProxy(() => [dead, a.Port]);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal('A', await ConnectAndEchoAsync(proxy.Port));
        }
    }

    [Fact]
    public async Task ReplicaThatGoesDownIsFailedOver()
    {
        var a = new TaggedEchoServer('A');
        await using var b = new TaggedEchoServer('B');
        await using var proxy = StartProxy(() => [a.Port, b.Port]);
        Assert.Contains(await ConnectAndEchoAsync(proxy.Port), "AB");

        await a.DisposeAsync();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal('B', await ConnectAndEchoAsync(proxy.Port));
        }
    }

    [Fact]
    public async Task TargetsAreReadPerConnection()
    {
        await using var a = new TaggedEchoServer('A');
        await using var b = new TaggedEchoServer('B');
        IReadOnlyList<int> live = [a.Port];
        await using var proxy = StartProxy(() => live);

        Assert.Equal('A', await ConnectAndEchoAsync(proxy.Port));
        live = [b.Port];
        Assert.Equal('B', await ConnectAndEchoAsync(proxy.Port));
    }

    [Fact]
    public async Task NoLiveReplicaClosesTheConnection()
    {
        await using var proxy = StartProxy(() => []);

        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port).WaitAsync(Timeouts.Default);
        var buffer = new byte[1];

        Assert.Equal(0, await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(Timeouts.Default));
    }

    [Fact]
    public async Task PortInUseNamesResourceEndpointAndPort()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        await using var proxy = new TcpProxy("catalog", "http", port, () => []);

        var error = Assert.Throws<DistributedApplicationException>(proxy.Start);

        Assert.Contains("Resource 'catalog' endpoint 'http'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"port {port} is already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains("give the endpoint another port", error.Message, StringComparison.Ordinal);
    }

    private static TcpProxy StartProxy(Func<IReadOnlyList<int>> targets)
    {
        var proxy = new TcpProxy("svc", "tcp", PortAllocator.Allocate(), targets);
        proxy.Start();
        return proxy;
    }

    /// <summary>Connects through the proxy, reads which replica answered, and checks that bytes go both ways.</summary>
    private static async Task<char> ConnectAndEchoAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Timeouts.Default);
        var stream = client.GetStream();
        var tag = new byte[1];
        await stream.ReadExactlyAsync(tag).AsTask().WaitAsync(Timeouts.Default);

        var payload = Encoding.ASCII.GetBytes("ping through the proxy");
        await stream.WriteAsync(payload);
        client.Client.Shutdown(SocketShutdown.Send);
        using var echoed = new MemoryStream();
        await stream.CopyToAsync(echoed).WaitAsync(Timeouts.Default);
        Assert.Equal(payload, echoed.ToArray());
        return (char)tag[0];
    }
}

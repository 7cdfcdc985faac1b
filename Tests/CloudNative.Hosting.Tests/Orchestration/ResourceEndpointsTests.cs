using System.Net;
using System.Net.Sockets;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Kafka;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.Orchestration;

/// <summary>How endpoints get their addresses before anything starts: proxies on stable ports, fixed ports kept unless randomized.</summary>
[Collection(SocketStateCollection.Name)]
public sealed class ResourceEndpointsTests
{
    [Fact]
    public async Task ProxiedEndpointGetsAListeningProxyOnAFreshPort()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));
        await using var endpoints = new ResourceEndpoints(catalog.Resource);

        endpoints.Allocate(randomizePorts: false);

        var allocated = catalog.Resource.Annotations.OfType<EndpointAnnotation>().Single().AllocatedEndpoint;
        Assert.NotNull(allocated);
        Assert.Equal("localhost", allocated.Host);
        Assert.False(PortAllocator.IsFree(allocated.Port));
        Assert.Equal($"http://localhost:{allocated.Port}", allocated.UriString);
    }

    [Fact]
    public async Task FixedPortIsKeptUnlessPortsAreRandomized()
    {
        var fixedPort = PortAllocator.Allocate();
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kept = builder.AddProject("kept", FakeProjects.Create("catalog")).WithEndpoint("http", e => e.Port = fixedPort);
        var randomized = builder.AddProject("randomized", FakeProjects.Create("catalog")).WithEndpoint("http", e => e.Port = fixedPort);
        await using var keptEndpoints = new ResourceEndpoints(kept.Resource);
        await using var randomizedEndpoints = new ResourceEndpoints(randomized.Resource);

        keptEndpoints.Allocate(randomizePorts: false);
        randomizedEndpoints.Allocate(randomizePorts: true);

        Assert.Equal(fixedPort, kept.Resource.Annotations.OfType<EndpointAnnotation>().Single().AllocatedEndpoint!.Port);
        Assert.NotEqual(fixedPort, randomized.Resource.Annotations.OfType<EndpointAnnotation>().Single().AllocatedEndpoint!.Port);
    }

    [Fact]
    public async Task RandomizedPortsGiveProxylessEndpointsAFreshPortToo()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");
        await using var endpoints = new ResourceEndpoints(kafka.Resource);

        endpoints.Allocate(randomizePorts: true);

        var allocated = kafka.Resource.Annotations.OfType<EndpointAnnotation>().Select(e => e.AllocatedEndpoint!.Port).ToList();
        Assert.DoesNotContain(9092, allocated);
        Assert.DoesNotContain(9093, allocated);
        Assert.Equal(allocated, endpoints.TargetPortsForNewReplica().Values);
    }

    [Fact]
    public async Task ProxylessEndpointListensOnItsTargetPortWhenNotRandomized()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");
        await using var endpoints = new ResourceEndpoints(kafka.Resource);
        var tcp = kafka.Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "tcp");
        var @internal = kafka.Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "internal");
        tcp.TargetPort = PortAllocator.Allocate();
        @internal.TargetPort = PortAllocator.Allocate();

        endpoints.Allocate(randomizePorts: false);

        Assert.Equal(tcp.TargetPort, tcp.AllocatedEndpoint!.Port);
        Assert.Equal(tcp.TargetPort, endpoints.TargetPortsForNewReplica()["tcp"]);
    }

    [Fact]
    public async Task EachReplicaGetsItsOwnPortBehindTheProxy()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog")).WithReplicas(2);
        await using var endpoints = new ResourceEndpoints(catalog.Resource);
        endpoints.Allocate(randomizePorts: true);

        var first = endpoints.TargetPortsForNewReplica()["http"];
        var second = endpoints.TargetPortsForNewReplica()["http"];

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(catalog.Resource.Annotations.OfType<EndpointAnnotation>().Single().AllocatedEndpoint!.Port, new[] { first, second });
    }

    [Fact]
    public async Task LiveReplicasAreWhereTheProxyForwards()
    {
        await using var replica = new TaggedEchoServer('R');
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));
        await using var endpoints = new ResourceEndpoints(catalog.Resource);
        endpoints.Allocate(randomizePorts: true);
        var proxyPort = catalog.Resource.Annotations.OfType<EndpointAnnotation>().Single().AllocatedEndpoint!.Port;
        var instance = new ReplicaInstance("catalog-abcdefgh", new Dictionary<string, int> { ["http"] = replica.Port });

        endpoints.AddLive(instance);
        Assert.Equal('R', await ReadTagAsync(proxyPort));
        endpoints.RemoveLive(instance);
        Assert.Null(await ReadTagAsync(proxyPort));
    }

    private static async Task<char?> ReadTagAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Timeouts.Default);
        var buffer = new byte[1];
        var read = await client.GetStream().ReadAsync(buffer).AsTask().WaitAsync(Timeouts.Default);
        return read == 0 ? null : (char)buffer[0];
    }
}

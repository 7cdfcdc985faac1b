using System.Net;
using System.Net.Sockets;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.Tests.BadInput;

/// <summary>A fixed port that something else holds is reported before anything starts, with the resource, endpoint and port.</summary>
public sealed class PortInUseTests : IDisposable
{
    private readonly TcpListener _holder = new(IPAddress.Loopback, 0);
    private readonly IDistributedApplicationTestingBuilder _builder = DistributedApplicationTestingBuilder.Create();

    public PortInUseTests() => _holder.Start();

    private int HeldPort => ((IPEndPoint)_holder.LocalEndpoint).Port;

    public void Dispose()
    {
        _builder.Dispose();
        _holder.Dispose();
    }

    [Fact]
    public async Task ProxiedEndpointOnATakenPortNamesResourceEndpointAndPort()
    {
        var gateway = _builder.AddProject("gateway", FakeProjects.Create("gateway")).WithEndpoint("http", e => e.Port = HeldPort);
        await using var endpoints = new ResourceEndpoints(gateway.Resource);

        var error = Assert.Throws<DistributedApplicationException>(() => endpoints.Allocate(randomizePorts: false));

        Assert.Equal(
            $"Resource 'gateway' endpoint 'http': port {HeldPort} is already in use. Stop the process that holds it (ss -ltnp 'sport = :{HeldPort}') or give the endpoint another port.",
            error.Message);
    }

    [Fact]
    public async Task ProxylessEndpointOnATakenPortIsReportedToo()
    {
        var tool = _builder.AddExecutable("tool", "true", ".").WithEndpoint("tcp", "tcp", port: HeldPort, isProxied: false);
        await using var endpoints = new ResourceEndpoints(tool.Resource);

        var error = Assert.Throws<DistributedApplicationException>(() => endpoints.Allocate(randomizePorts: false));

        Assert.Contains($"Resource 'tool' endpoint 'tcp': port {HeldPort} is already in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RandomizedPortsStepAroundATakenFixedPort()
    {
        var gateway = _builder.AddProject("gateway", FakeProjects.Create("gateway")).WithEndpoint("http", e => e.Port = HeldPort);
        await using var endpoints = new ResourceEndpoints(gateway.Resource);

        endpoints.Allocate(randomizePorts: true);

        Assert.NotEqual(HeldPort, gateway.Resource.Annotations.OfType<EndpointAnnotation>().Single().AllocatedEndpoint!.Port);
    }

    [Fact]
    public async Task AppStartFailsWithTheSameMessage()
    {
        _builder.AddProject("gateway", FakeProjects.Create("gateway")).WithEndpoint("http", e => e.Port = HeldPort);
        await using var app = _builder.Build();
        // The testing builder randomizes ports; turn that off to keep the fixed one.
        app.Services.GetRequiredService<DistributedApplicationOptions>().RandomizePorts = false;

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync().WaitAsync(Timeouts.Default));

        Assert.Contains($"Resource 'gateway' endpoint 'http': port {HeldPort} is already in use", error.Message, StringComparison.Ordinal);
    }
}

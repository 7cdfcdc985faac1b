using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.BadInput;

/// <summary>Replica counts and the endpoint settings that cannot work with more than one replica.</summary>
public sealed class ReplicaTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void ReplicaCountBelowOneIsRejected(int replicas)
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));

        var error = Assert.Throws<DistributedApplicationException>(() => catalog.WithReplicas(replicas));

        Assert.Equal(
            $"Resource 'catalog': the replica count must be at least 1, but WithReplicas({replicas}) was called. Use 1 or more, or remove the resource.",
            error.Message);
    }

    [Fact]
    public void FixedTargetPortWithReplicasIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddProject("catalog", FakeProjects.Create("catalog")).WithReplicas(2).WithEndpoint("http", e => e.TargetPort = 5080);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("Resource 'catalog' endpoint 'http' sets TargetPort", error.Message, StringComparison.Ordinal);
        Assert.Contains("Remove the target port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProxylessEndpointWithReplicasIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddProject("catalog", FakeProjects.Create("catalog")).WithReplicas(3).WithEndpoint("http", e => e.IsProxied = false);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("Resource 'catalog' uses multiple replicas and a proxy-less endpoint 'http'", error.Message, StringComparison.Ordinal);
        Assert.Contains("make the endpoint proxied or use one replica", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedPortWithReplicasIsFineBecauseTheProxyOwnsIt()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog")).WithReplicas(2).WithEndpoint("http", e => e.Port = 5080);

        using var app = builder.Build();

        Assert.Equal(2, catalog.Resource.Replicas);
    }
}

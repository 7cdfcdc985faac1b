namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>Converting a container for a local process: no image, proxy-less endpoints, and TLS dropped out loud.</summary>
public sealed class LocalProcessConversionTests
{
    [Fact]
    public void TheImageAnnotationsAreRemoved()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var svc = builder.AddContainer("svc", "example/svc", "1.0").WithImageRegistry("registry.example");

        LocalProcessConversion.Apply(svc.Resource);

        Assert.Empty(svc.Resource.Annotations.OfType<ContainerImageAnnotation>());
        Assert.False(svc.Resource.IsContainer());
    }

    [Fact]
    public void EndpointsBecomeProxylessWithPortEqualToTargetPortKeepingAGivenHostPort()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var svc = builder.AddContainer("svc", "example/svc")
            .WithEndpoint(targetPort: 6379, port: 16379, name: "fixed")
            .WithEndpoint(targetPort: 9092, name: "free");

        LocalProcessConversion.Apply(svc.Resource);

        var endpoints = svc.Resource.Annotations.OfType<EndpointAnnotation>().ToDictionary(e => e.Name);
        Assert.All(endpoints.Values, e => Assert.False(e.IsProxied));
        Assert.Equal((16379, 16379), (endpoints["fixed"].Port, endpoints["fixed"].TargetPort));
        Assert.Equal(((int?)null, (int?)null), (endpoints["free"].Port, endpoints["free"].TargetPort));
    }

    [Fact]
    public void LocalEndpointsGiveAFreeEndpointALoopbackPortItListensOnItself()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var svc = builder.AddContainer("svc", "example/svc").WithEndpoint(targetPort: 9092, name: "free");
        LocalProcessConversion.Apply(svc.Resource);

        LocalEndpoints.Allocate(svc.Resource);

        var endpoint = Assert.Single(svc.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.NotNull(endpoint.AllocatedEndpoint);
        Assert.Equal("localhost", endpoint.AllocatedEndpoint.Address);
        Assert.InRange(endpoint.AllocatedEndpoint.Port, 1, 65535);
        Assert.Equal((endpoint.AllocatedEndpoint.Port, endpoint.AllocatedEndpoint.Port), (endpoint.Port!.Value, endpoint.TargetPort!.Value));
    }

    [Fact]
    public void DroppingTlsIsReported()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var svc = builder.AddContainer("svc", "example/svc");
#pragma warning disable ASPIRECERTIFICATES001 // The annotation Aspire's Redis uses to serve TLS.
        svc.WithAnnotation(new HttpsCertificateConfigurationCallbackAnnotation(_ => Task.CompletedTask));
#pragma warning restore ASPIRECERTIFICATES001

        var dropped = LocalProcessConversion.Apply(svc.Resource);

        var reason = Assert.Single(dropped);
        Assert.Contains("TLS", reason, StringComparison.Ordinal);
        Assert.Contains("plain TCP", reason, StringComparison.Ordinal);
#pragma warning disable ASPIRECERTIFICATES001
        Assert.Empty(svc.Resource.Annotations.OfType<HttpsCertificateConfigurationCallbackAnnotation>());
#pragma warning restore ASPIRECERTIFICATES001
    }

    [Fact]
    public void NothingIsReportedWithoutTls()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var svc = builder.AddContainer("svc", "example/svc");

        Assert.Empty(LocalProcessConversion.Apply(svc.Resource));
    }
}

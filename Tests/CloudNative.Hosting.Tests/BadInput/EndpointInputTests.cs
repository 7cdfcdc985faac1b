using CloudNative.Hosting.Kafka;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.BadInput;

/// <summary>Endpoint, health-check and topic mistakes, each naming the resource and the fix.</summary>
public sealed class EndpointInputTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void PortOutsideTheValidRangeIsRejected(int port)
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));

        var error = Assert.Throws<DistributedApplicationException>(() => catalog.WithEndpoint("http", e => e.Port = port));

        Assert.Equal($"Resource 'catalog' endpoint 'http': port {port} is outside 1-65535. Choose a valid port or leave it unset for a free one.", error.Message);
    }

    [Fact]
    public void DuplicateEndpointNameIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));

        var error = Assert.Throws<DistributedApplicationException>(() => catalog.WithHttpEndpoint());

        Assert.Contains("'catalog' already has an endpoint named 'http'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangingAMissingEndpointIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));

        var error = Assert.Throws<DistributedApplicationException>(() => catalog.WithEndpoint("https", e => e.Port = 5001));

        Assert.Contains("'catalog' has no endpoint named 'https'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Add it with WithEndpoint or WithHttpEndpoint first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpHealthCheckNeedsAnHttpEndpoint()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var tool = builder.AddExecutable("tool", "true", ".");

        var error = Assert.Throws<DistributedApplicationException>(() => tool.WithHttpHealthCheck("/health"));

        Assert.Contains("'tool' has no http or https endpoint for WithHttpHealthCheck", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpHealthCheckUsesAspiresKey()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog")).WithHttpHealthCheck("/health");

        var check = Assert.Single(catalog.Resource.Annotations.OfType<CloudNative.Hosting.ApplicationModel.HealthCheckAnnotation>());
        Assert.Equal("catalog_http_/health_200_check", check.Key);
    }

    [Fact]
    public void TopicNeedsAPartition()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");

        var error = Assert.Throws<DistributedApplicationException>(() => kafka.WithTopic("orders", partitions: 0));

        Assert.Contains("'kafka' topic 'orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopicIsDeclaredOnce()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka").WithTopic("orders");

        var error = Assert.Throws<DistributedApplicationException>(() => kafka.WithTopic("orders", partitions: 3));

        Assert.Contains("'kafka' declares topic 'orders' twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOperationIsRejected()
    {
        var error = Assert.Throws<DistributedApplicationException>(() => DistributedApplicationTestingBuilder.Create("--operation", "deploy"));

        Assert.Contains("'publish' or 'run'", error.Message, StringComparison.Ordinal);
    }
}

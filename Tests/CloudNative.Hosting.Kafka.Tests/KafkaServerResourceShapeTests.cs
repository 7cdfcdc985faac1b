using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.Kafka.Tests;

/// <summary>The public shape of Aspire.Hosting.Kafka's resource, so AppHost code written against Aspire's compiles and behaves the same.</summary>
public sealed class KafkaServerResourceShapeTests
{
    [Fact]
    public void IsAContainerWithAConnectionStringAndEnvironment()
    {
        var type = typeof(KafkaServerResource);

        Assert.True(type.IsPublic);
        Assert.Equal("Aspire.Hosting", type.Namespace);
        Assert.True(typeof(ContainerResource).IsAssignableFrom(type));
        Assert.True(typeof(IResourceWithConnectionString).IsAssignableFrom(type));
        Assert.True(typeof(IResourceWithEnvironment).IsAssignableFrom(type));
        Assert.NotNull(type.GetConstructor([typeof(string)]));
        Assert.Equal(typeof(EndpointReference), type.GetProperty("PrimaryEndpoint")?.PropertyType);
        Assert.Equal(typeof(EndpointReference), type.GetProperty("InternalEndpoint")?.PropertyType);
        Assert.Equal(typeof(EndpointReferenceExpression), type.GetProperty("Host")?.PropertyType);
        Assert.Equal(typeof(EndpointReferenceExpression), type.GetProperty("Port")?.PropertyType);
        Assert.True(typeof(ContainerResource).IsAssignableFrom(typeof(KafkaUIContainerResource)));
    }

    [Fact]
    public void AddKafkaGivesTheEndpointsAndImageOfAspires()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka", port: 19092).Resource;

        var endpoints = kafka.Annotations.OfType<EndpointAnnotation>().ToList();
        Assert.Equal(2, endpoints.Count);
        var primary = Assert.Single(endpoints, e => e.Name == "tcp");
        Assert.Equal((9092, 19092, ProtocolType.Tcp, "tcp", "tcp"), (primary.TargetPort!.Value, primary.Port!.Value, primary.Protocol, primary.Transport, primary.UriScheme));
        var @internal = Assert.Single(endpoints, e => e.Name == "internal");
        Assert.Equal((9093, (int?)null, "tcp"), (@internal.TargetPort!.Value, @internal.Port, @internal.UriScheme));
        Assert.Equal("tcp", kafka.PrimaryEndpoint.EndpointName);
        Assert.Equal("internal", kafka.InternalEndpoint.EndpointName);

        var image = Assert.Single(kafka.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(("docker.io", "confluentinc/confluent-local", "8.2.0"), (image.Registry, image.Image, image.Tag));
    }

    [Fact]
    public async Task ConnectionStringAndPropertiesAreThePrimaryEndpointsHostAndPort()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka")
            .WithEndpoint("tcp", e => e.AllocatedEndpoint = new AllocatedEndpoint(e, "localhost", 27017)).Resource;
        IResourceWithConnectionString withConnectionString = kafka;

        Assert.Equal("{kafka.bindings.tcp.host}:{kafka.bindings.tcp.port}", withConnectionString.ConnectionStringExpression.ValueExpression);
        Assert.Equal("localhost:27017", await withConnectionString.GetConnectionStringAsync());
        Assert.Equal(
            [("Host", "{kafka.bindings.tcp.host}"), ("Port", "{kafka.bindings.tcp.port}")],
            withConnectionString.GetConnectionProperties().Select(p => (p.Key, p.Value.ValueExpression)));
        Assert.Equal("{kafka.bindings.tcp.host}", kafka.Host.ValueExpression);
        Assert.Equal("{kafka.bindings.tcp.port}", kafka.Port.ValueExpression);
    }

    [Fact]
    public void DuplicateResourceNamesAreRejectedByAspire()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddKafka("kafka");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddKafka("kafka"));
        Assert.Contains("'kafka'", error.Message, StringComparison.Ordinal);
    }
}

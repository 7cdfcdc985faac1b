using CloudNative.Hosting.Kafka;

namespace CloudNative.Hosting.Kafka.Tests;

/// <summary>WithTopic's bad input fails in the AppHost, with a message naming the resource and the topic.</summary>
public sealed class KafkaTopicTests
{
    [Fact]
    public void DeclaredTopicsAreAnnotationsInOrder()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka").WithTopic("orders", partitions: 3).WithTopic("audit");

        Assert.Equal([new("orders", 3), new("audit", 1)], kafka.Resource.Annotations.OfType<KafkaTopicAnnotation>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void PartitionsBelowOneAreRejected(int partitions)
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => kafka.WithTopic("orders", partitions));

        Assert.Equal("partitions", error.ParamName);
        Assert.Contains("Resource 'kafka' topic 'orders'", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 1", error.Message, StringComparison.Ordinal);
        Assert.Empty(kafka.Resource.Annotations.OfType<KafkaTopicAnnotation>());
    }

    [Fact]
    public void ADuplicateTopicIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka").WithTopic("orders", partitions: 3);

        var error = Assert.Throws<ArgumentException>(() => kafka.WithTopic("orders"));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("Resource 'kafka' declares topic 'orders' twice", error.Message, StringComparison.Ordinal);
        Assert.Single(kafka.Resource.Annotations.OfType<KafkaTopicAnnotation>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ABlankTopicNameIsRejected(string name)
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");

        var error = Assert.Throws<ArgumentException>(() => kafka.WithTopic(name));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("Resource 'kafka'", error.Message, StringComparison.Ordinal);
        Assert.Contains("topic name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullTopicNameIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");

        Assert.Throws<ArgumentNullException>("name", () => kafka.WithTopic(null!));
    }

    [Theory]
    [InlineData("orders events")]
    [InlineData("orders:v2")]
    [InlineData("..")]
    public void AnIllegalKafkaTopicNameIsRejected(string name)
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var kafka = builder.AddKafka("kafka");

        var error = Assert.Throws<ArgumentException>(() => kafka.WithTopic(name));

        Assert.Equal("name", error.ParamName);
        Assert.Contains($"Resource 'kafka' topic '{name}'", error.Message, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Tests;

public class TracingConsumerTests
{
    private static readonly KafkaInstrumentation AllOn = new(Tracing: true, Metrics: true);

    [Fact]
    public void A_received_message_gets_a_receive_span_linked_to_its_sender_and_is_counted()
    {
        var topic = $"orders-{Guid.NewGuid():N}";
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        using var metrics = new MeasurementCollector(topic);
        using var sender = new Activity("send").SetIdFormat(ActivityIdFormat.W3C).Start();
        var headers = new Headers();
        headers.InjectTraceContext(sender);
        sender.Stop();
        Activity.Current = collector.TestRoot;
        var consumer = new TracingConsumer<string, string>(new FakeConsumer(Result(topic, headers)), "payments", AllOn);

        var result = consumer.Consume(TimeSpan.FromSeconds(1));

        Assert.NotNull(result);
        var span = Assert.Single(collector.Stopped);
        Assert.Equal(ActivityKind.Consumer, span.Kind);
        Assert.Equal($"receive {topic}", span.DisplayName);
        Assert.Equal(collector.TestRoot.SpanId, span.ParentSpanId);
        var link = Assert.Single(span.Links);
        Assert.Equal(sender.TraceId, link.Context.TraceId);
        Assert.Equal(sender.SpanId, link.Context.SpanId);
        Assert.Equal("payments", span.GetTagItem("messaging.consumer.group.name"));
        Assert.Equal("2", span.GetTagItem("messaging.destination.partition.id"));
        Assert.Equal(41L, span.GetTagItem("messaging.kafka.offset"));
        Assert.Equal(["messaging.client.consumed.messages", "messaging.client.operation.duration"], metrics.Measurements.Select(m => m.Instrument));
        Assert.All(metrics.Measurements, m => Assert.Equal("receive", m.Tags["messaging.operation.name"]));
    }

    [Fact]
    public void Nothing_is_recorded_when_no_message_arrives()
    {
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        var consumer = new TracingConsumer<string, string>(new FakeConsumer(), "payments", AllOn);

        Assert.Null(consumer.Consume(TimeSpan.Zero));
        Assert.Empty(collector.Stopped);
    }

    [Fact]
    public void DisableTracing_and_DisableMetrics_each_switch_off_their_part()
    {
        var topic = $"quiet-{Guid.NewGuid():N}";
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        using var metrics = new MeasurementCollector(topic);

        new TracingConsumer<string, string>(new FakeConsumer(Result(topic, [])), "payments", new(Tracing: false, Metrics: true)).Consume();
        Assert.Empty(collector.Stopped);
        Assert.NotEmpty(metrics.Measurements);

        new TracingConsumer<string, string>(new FakeConsumer(Result(topic, [])), "payments", new(Tracing: true, Metrics: false)).Consume();
        Assert.Single(collector.Stopped);
        Assert.Equal(2, metrics.Measurements.Count);
    }

    private static ConsumeResult<string, string> Result(string topic, Headers headers) => new()
    {
        TopicPartitionOffset = new TopicPartitionOffset(topic, new Partition(2), new Offset(41)),
        Message = new Message<string, string> { Key = "order-1", Value = "{}", Headers = headers },
    };
}

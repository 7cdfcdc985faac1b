using System.Diagnostics;
using System.Text;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Tests;

public class KafkaTraceContextTests
{
    [Fact]
    public void Injected_context_extracts_to_the_same_trace()
    {
        using var activity = new Activity("send").SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.TraceStateString = "vendor=value";
        var headers = new Headers();

        headers.InjectTraceContext(activity);
        var extracted = headers.ExtractTraceContext();

        Assert.Equal($"00-{activity.TraceId}-{activity.SpanId}-00", Header(headers, "traceparent"));
        Assert.Equal(activity.TraceId, extracted.TraceId);
        Assert.Equal(activity.SpanId, extracted.SpanId);
        Assert.Equal("vendor=value", extracted.TraceState);
        Assert.True(extracted.IsRemote);
    }

    [Fact]
    public void Injecting_again_replaces_the_old_context()
    {
        using var first = new Activity("first").SetIdFormat(ActivityIdFormat.W3C).Start();
        var headers = new Headers();
        headers.InjectTraceContext(first);
        using var second = new Activity("second").SetIdFormat(ActivityIdFormat.W3C).Start();

        headers.InjectTraceContext(second);

        Assert.Single(headers, h => h.Key == "traceparent");
        Assert.Equal(second.SpanId, headers.ExtractTraceContext().SpanId);
    }

    [Fact]
    public void Headers_without_context_extract_to_none()
    {
        Assert.Equal(default, new Headers().ExtractTraceContext());
        Assert.Equal(default, ((Headers?)null).ExtractTraceContext());
    }

    [Fact]
    public void Consume_activity_continues_the_producer_trace()
    {
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        using var producerSpan = new Activity("send").SetIdFormat(ActivityIdFormat.W3C).Start();
        producerSpan.AddBaggage("tenant", "acme");
        var headers = new Headers();
        headers.InjectTraceContext(producerSpan);
        producerSpan.Stop();
        // The consumer runs in another process, outside any span of its own.
        Activity.Current = null;

        var result = new ConsumeResult<string, string>
        {
            TopicPartitionOffset = new TopicPartitionOffset("orders", new Partition(2), new Offset(41)),
            Message = new Message<string, string> { Key = "order-1", Value = "{}", Headers = headers },
        };
        using (var consume = result.StartConsumeActivity("payments"))
        {
            Assert.NotNull(consume);
            Assert.Equal(producerSpan.TraceId, consume.TraceId);
            Assert.Equal(producerSpan.SpanId, consume.ParentSpanId);
            Assert.Equal(ActivityKind.Consumer, consume.Kind);
            Assert.Equal("process orders", consume.DisplayName);
            Assert.Equal("acme", consume.GetBaggageItem("tenant"));
            Assert.Equal("kafka", consume.GetTagItem("messaging.system"));
            Assert.Equal("process", consume.GetTagItem("messaging.operation.type"));
            Assert.Equal("orders", consume.GetTagItem("messaging.destination.name"));
            Assert.Equal("payments", consume.GetTagItem("messaging.consumer.group.name"));
            Assert.Equal("2", consume.GetTagItem("messaging.destination.partition.id"));
            Assert.Equal(41L, consume.GetTagItem("messaging.kafka.offset"));
        }
    }

    private static string Header(Headers headers, string name) =>
        Encoding.UTF8.GetString(headers.GetLastBytes(name));
}

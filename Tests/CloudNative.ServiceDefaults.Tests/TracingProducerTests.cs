using System.Diagnostics;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Tests;

public class TracingProducerTests
{
    private static readonly KafkaInstrumentation AllOn = new(Tracing: true, Metrics: true);

    [Fact]
    public async Task ProduceAsync_sends_a_producer_span_and_its_context_in_the_headers()
    {
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        var inner = new FakeProducer();
        var producer = new TracingProducer<string, string>(inner, deliveryReportsEnabled: true, AllOn);

        await producer.ProduceAsync("orders", new Message<string, string> { Key = "order-1", Value = "{}" });

        var span = Assert.Single(collector.Stopped);
        Assert.Equal(ActivityKind.Producer, span.Kind);
        Assert.Equal("send orders", span.DisplayName);
        Assert.Equal(collector.TestRoot.SpanId, span.ParentSpanId);
        Assert.Equal("kafka", span.GetTagItem("messaging.system"));
        Assert.Equal("orders", span.GetTagItem("messaging.destination.name"));
        Assert.Equal("send", span.GetTagItem("messaging.operation.type"));
        Assert.Equal("3", span.GetTagItem("messaging.destination.partition.id"));
        Assert.Equal(7L, span.GetTagItem("messaging.kafka.offset"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        var sent = Assert.Single(inner.Sent).Headers.ExtractTraceContext();
        Assert.Equal(span.TraceId, sent.TraceId);
        Assert.Equal(span.SpanId, sent.SpanId);
        Assert.Same(collector.TestRoot, Activity.Current);
    }

    [Fact]
    public async Task A_failed_send_marks_the_span_and_rethrows()
    {
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        var producer = new TracingProducer<string, string>(
            new FakeProducer { Failure = new Error(ErrorCode.Local_MsgTimedOut, "timed out") }, deliveryReportsEnabled: true, AllOn);

        await Assert.ThrowsAsync<ProduceException<string, string>>(() =>
            producer.ProduceAsync(new TopicPartition("orders", new Partition(1)), new Message<string, string> { Value = "{}" }));

        var span = Assert.Single(collector.Stopped);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("timed out", span.StatusDescription);
        Assert.Equal(nameof(ErrorCode.Local_MsgTimedOut), span.GetTagItem("error.type"));
        Assert.Equal("1", span.GetTagItem("messaging.destination.partition.id"));
    }

    [Fact]
    public void Produce_ends_the_span_on_the_delivery_report_and_leaves_both_threads_as_they_were()
    {
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        var inner = new FakeProducer();
        var producer = new TracingProducer<string, string>(inner, deliveryReportsEnabled: true, AllOn);
        DeliveryReport<string, string>? delivered = null;

        producer.Produce("orders", new Message<string, string> { Value = "{}" }, report => delivered = report);

        Assert.Same(collector.TestRoot, Activity.Current);
        Assert.Empty(collector.Stopped);

        Activity? currentOnPollThread = collector.TestRoot;
        // librdkafka reports deliveries on its own thread, which inherits no execution context and so no current activity.
        var pollThread = new Thread(() =>
        {
            inner.PendingDeliveryHandler!(null!);
            currentOnPollThread = Activity.Current;
        });
        pollThread.UnsafeStart();
        pollThread.Join();

        Assert.Null(currentOnPollThread);
        Assert.NotNull(delivered);
        var span = Assert.Single(collector.Stopped);
        Assert.Equal(7L, span.GetTagItem("messaging.kafka.offset"));
        Assert.Equal(span.SpanId, Assert.Single(inner.Sent).Headers.ExtractTraceContext().SpanId);
    }

    [Fact]
    public void Without_delivery_reports_the_span_ends_when_the_message_is_queued()
    {
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        var inner = new FakeProducer();
        var producer = new TracingProducer<string, string>(inner, deliveryReportsEnabled: false, AllOn);

        producer.Produce("orders", new Message<string, string> { Value = "{}" });

        Assert.Null(inner.PendingDeliveryHandler);
        var span = Assert.Single(collector.Stopped);
        Assert.Null(span.GetTagItem("messaging.kafka.offset"));
        Assert.Same(collector.TestRoot, Activity.Current);
    }

    [Fact]
    public async Task Without_a_listener_the_callers_context_still_travels()
    {
        using var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C).Start();
        var inner = new FakeProducer();
        var producer = new TracingProducer<string, string>(inner, deliveryReportsEnabled: true, AllOn);

        await producer.ProduceAsync("orders", new Message<string, string> { Value = "{}" });

        var sent = Assert.Single(inner.Sent).Headers.ExtractTraceContext();
        Assert.Equal(caller.TraceId, sent.TraceId);
        Assert.Equal(caller.SpanId, sent.SpanId);
    }

    [Fact]
    public async Task Sends_are_counted_and_timed_with_their_error_type()
    {
        var topic = $"metrics-{Guid.NewGuid():N}";
        using var metrics = new MeasurementCollector(topic);

        var failing = new TracingProducer<string, string>(
            new FakeProducer { Failure = new Error(ErrorCode.Local_QueueFull) }, deliveryReportsEnabled: true, AllOn);
        await Assert.ThrowsAsync<ProduceException<string, string>>(() => failing.ProduceAsync(topic, new Message<string, string> { Value = "{}" }));

        Assert.Equal(["messaging.client.sent.messages", "messaging.client.operation.duration"], metrics.Measurements.Select(m => m.Instrument));
        Assert.All(metrics.Measurements, m =>
        {
            Assert.Equal("send", m.Tags["messaging.operation.name"]);
            Assert.Equal(nameof(ErrorCode.Local_QueueFull), m.Tags["error.type"]);
        });
    }

    [Fact]
    public async Task DisableTracing_sends_no_span_and_no_context_but_still_counts()
    {
        var topic = $"untraced-{Guid.NewGuid():N}";
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        using var metrics = new MeasurementCollector(topic);
        var inner = new FakeProducer();
        var producer = new TracingProducer<string, string>(inner, deliveryReportsEnabled: true, new KafkaInstrumentation(Tracing: false, Metrics: true));

        await producer.ProduceAsync(topic, new Message<string, string> { Value = "{}" });

        Assert.Empty(collector.Stopped);
        Assert.Null(Assert.Single(inner.Sent).Headers);
        Assert.Contains(metrics.Measurements, m => m.Instrument == "messaging.client.sent.messages");
    }

    [Fact]
    public async Task DisableMetrics_records_no_measurements_but_still_traces()
    {
        var topic = $"unmetered-{Guid.NewGuid():N}";
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        using var metrics = new MeasurementCollector(topic);
        var producer = new TracingProducer<string, string>(new FakeProducer(), deliveryReportsEnabled: true, new KafkaInstrumentation(Tracing: true, Metrics: false));

        await producer.ProduceAsync(topic, new Message<string, string> { Value = "{}" });

        Assert.Single(collector.Stopped);
        Assert.Empty(metrics.Measurements);
    }
}

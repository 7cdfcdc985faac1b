using System.Diagnostics;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Tests;

// librdkafka's in-process mock cluster ("test.mock.num.brokers") answers the real protocol, so the registered
// clients and their health check run end to end without a broker.
public class KafkaMockClusterTests
{
    [Fact]
    public async Task Registered_producer_sends_with_a_span_and_the_cluster_reports_healthy()
    {
        using var collector = new ActivityCollector(KafkaTelemetry.SourceName);
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaProducer<string, string>("kafka", settings => settings.Config.Set("test.mock.num.brokers", "1"));
        using var host = builder.Build();
        var producer = host.Services.GetRequiredService<IProducer<string, string>>();

        var result = await producer.ProduceAsync("orders", new Message<string, string> { Key = "order-1", Value = "{}" });
        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(PersistenceStatus.Persisted, result.Status);
        var span = Assert.Single(collector.Stopped);
        Assert.Equal(ActivityKind.Producer, span.Kind);
        Assert.Equal(result.Offset.Value, span.GetTagItem("messaging.kafka.offset"));
        Assert.Equal(span.SpanId, result.Message.Headers.ExtractTraceContext().SpanId);
        Assert.Equal(HealthStatus.Healthy, health.Entries["Aspire.Confluent.Kafka.Producer"].Status);
    }

    [Fact]
    public async Task Registered_consumer_reports_the_cluster_healthy()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaConsumer<string, string>("kafka", settings =>
        {
            settings.Config.GroupId = "payments";
            settings.Config.Set("test.mock.num.brokers", "1");
        });
        using var host = builder.Build();

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, health.Entries["Aspire.Confluent.Kafka.Consumer"].Status);
        host.Services.GetRequiredService<IConsumer<string, string>>().Close();
    }

    [Fact]
    public async Task An_unreachable_cluster_reports_unhealthy()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaProducer<string, string>("kafka");
        using var host = builder.Build();

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, health.Entries["Aspire.Confluent.Kafka.Producer"].Status);
        Assert.IsType<KafkaException>(health.Entries["Aspire.Confluent.Kafka.Producer"].Exception);
    }
}

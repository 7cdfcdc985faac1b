using Aspire.Confluent.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Tests;

public class KafkaSettingsTests
{
    [Fact]
    public void Producer_settings_bind_the_section_then_the_named_section_then_the_connection_string_then_code()
    {
        var builder = TestHosts.CreateBuilder(
            ("Aspire:Confluent:Kafka:Producer:ConnectionString", "section:9092"),
            ("Aspire:Confluent:Kafka:Producer:DisableMetrics", "true"),
            ("Aspire:Confluent:Kafka:Producer:Config:ClientId", "shared"),
            ("Aspire:Confluent:Kafka:Producer:Config:Acks", "All"),
            ("Aspire:Confluent:Kafka:Producer:kafka:Config:ClientId", "named"),
            ("Aspire:Confluent:Kafka:Producer:kafka:DisableTracing", "true"),
            ("Aspire:Confluent:Kafka:Producer:other:Config:ClientId", "not ours"),
            ("ConnectionStrings:kafka", "broker:9092"));
        KafkaProducerSettings? bound = null;
        string? connectionStringSeenByCode = null;

        builder.AddKafkaProducer<string, string>("kafka", settings =>
        {
            connectionStringSeenByCode = settings.ConnectionString;
            settings.DisableMetrics = false;
            bound = settings;
        });

        Assert.Equal("broker:9092", connectionStringSeenByCode);
        Assert.NotNull(bound);
        Assert.Equal("broker:9092", bound.Config.BootstrapServers);
        Assert.Equal("named", bound.Config.ClientId);
        Assert.Equal(Acks.All, bound.Config.Acks);
        Assert.True(bound.DisableTracing);
        Assert.False(bound.DisableMetrics);
    }

    [Fact]
    public void Without_a_connection_string_the_sections_connection_string_names_the_brokers()
    {
        var builder = TestHosts.CreateBuilder(("Aspire:Confluent:Kafka:Producer:kafka:ConnectionString", "section:9092"));
        KafkaProducerSettings? bound = null;

        builder.AddKafkaProducer<string, string>("kafka", settings => bound = settings);

        Assert.Equal("section:9092", bound!.Config.BootstrapServers);
    }

    [Fact]
    public void Consumer_settings_bind_the_consumer_section()
    {
        var builder = TestHosts.CreateBuilder(
            ("Aspire:Confluent:Kafka:Consumer:Config:AutoOffsetReset", "Earliest"),
            ("Aspire:Confluent:Kafka:Consumer:kafka:Config:GroupId", "payments"),
            ("Aspire:Confluent:Kafka:Producer:Config:GroupId", "not ours"),
            ("ConnectionStrings:kafka", "broker:9092"));
        KafkaConsumerSettings? bound = null;

        builder.AddKafkaConsumer<string, string>("kafka", settings => bound = settings);

        Assert.Equal("broker:9092", bound!.Config.BootstrapServers);
        Assert.Equal("payments", bound.Config.GroupId);
        Assert.Equal(AutoOffsetReset.Earliest, bound.Config.AutoOffsetReset);
    }

    [Fact]
    public void A_producer_without_brokers_fails_when_resolved()
    {
        var builder = TestHosts.CreateBuilder();
        builder.AddKafkaProducer<string, string>("kafka");
        using var host = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IProducer<string, string>>());
        Assert.Equal("No bootstrap servers configured.", error.Message);
    }

    [Fact]
    public void A_consumer_without_brokers_fails_when_resolved()
    {
        var builder = TestHosts.CreateBuilder();
        builder.AddKafkaConsumer<string, string>("kafka", settings => settings.Config.GroupId = "payments");
        using var host = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IConsumer<string, string>>());
        Assert.Equal("No bootstrap servers configured.", error.Message);
    }

    [Fact]
    public void A_consumer_without_a_group_id_fails_when_resolved()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaConsumer<string, string>("kafka");
        using var host = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IConsumer<string, string>>());
        Assert.Equal("No group id configured.", error.Message);
    }
}

using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudNative.ServiceDefaults.Tests;

// Nothing listens on port 1, and none of these registrations needs a broker to resolve.
public class KafkaRegistrationTests
{
    [Fact]
    public void Producer_is_a_traced_singleton_configured_by_both_builder_callbacks()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        IServiceProvider? seenServices = null;
        builder.AddKafkaProducer<string, string>("kafka",
            settings => settings.Config.ClientId = "ordering",
            (services, producerBuilder) => seenServices = services);
        using var host = builder.Build();

        var producer = host.Services.GetRequiredService<IProducer<string, string>>();

        Assert.IsType<TracingProducer<string, string>>(producer);
        Assert.Same(producer, host.Services.GetRequiredService<IProducer<string, string>>());
        Assert.StartsWith("ordering", producer.Name);
        Assert.NotNull(seenServices);
    }

    [Fact]
    public void Consumer_is_a_traced_singleton()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaConsumer<string, string>("kafka", settings => settings.Config.GroupId = "payments");
        using var host = builder.Build();

        var consumer = host.Services.GetRequiredService<IConsumer<string, string>>();

        Assert.IsType<TracingConsumer<string, string>>(consumer);
        consumer.Close();
    }

    [Fact]
    public void With_tracing_and_metrics_disabled_the_client_is_Confluents_own()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaProducer<string, string>("kafka", settings =>
        {
            settings.DisableTracing = true;
            settings.DisableMetrics = true;
        });
        using var host = builder.Build();

        Assert.IsNotType<TracingProducer<string, string>>(host.Services.GetRequiredService<IProducer<string, string>>());
    }

    [Fact]
    public void A_log_handler_set_in_configureBuilder_is_kept()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaProducer<string, string>("kafka", producerBuilder => producerBuilder.SetLogHandler((_, _) => { }));
        using var host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredService<IProducer<string, string>>());
    }

    [Fact]
    public void Keyed_clients_are_keyed_by_name_and_read_that_connection()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:orders", "127.0.0.1:1"), ("ConnectionStrings:payments", "127.0.0.1:2"));
        builder.AddKeyedKafkaProducer<string, string>("orders");
        builder.AddKeyedKafkaConsumer<string, string>("payments", settings => settings.Config.GroupId = "payments");
        using var host = builder.Build();

        Assert.NotNull(host.Services.GetRequiredKeyedService<IProducer<string, string>>("orders"));
        Assert.Null(host.Services.GetService<IProducer<string, string>>());
        Assert.Null(host.Services.GetKeyedService<IProducer<string, string>>("payments"));
        var consumer = host.Services.GetRequiredKeyedService<IConsumer<string, string>>("payments");
        consumer.Close();
        Assert.Equal(["Aspire.Confluent.Kafka.Consumer_payments", "Aspire.Confluent.Kafka.Producer_orders"], HealthCheckNames(host).Order());
    }

    [Fact]
    public void Unkeyed_clients_share_one_check_per_kind()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaProducer<string, string>("kafka");
        builder.AddKafkaProducer<Null, byte[]>("kafka");
        builder.AddKafkaConsumer<string, string>("kafka", settings => settings.Config.GroupId = "payments");
        using var host = builder.Build();

        Assert.Equal(["Aspire.Confluent.Kafka.Consumer", "Aspire.Confluent.Kafka.Producer"], HealthCheckNames(host).Order());
    }

    [Fact]
    public void The_health_check_is_one_instance_owned_by_the_container()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaProducer<string, string>("kafka");
        using var host = builder.Build();

        var registration = Assert.Single(HealthCheckRegistrations(host));
        Assert.Same(registration.Factory(host.Services), registration.Factory(host.Services));
        Assert.Same(host.Services.GetRequiredKeyedService<KafkaHealthCheck>("Aspire.Confluent.Kafka.Producer"), registration.Factory(host.Services));
    }

    [Fact]
    public void DisableHealthChecks_registers_no_check()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaProducer<string, string>("kafka", settings => settings.DisableHealthChecks = true);
        using var host = builder.Build();

        Assert.Empty(HealthCheckRegistrations(host));
    }

    private static IEnumerable<HealthCheckRegistration> HealthCheckRegistrations(IHost host) =>
        host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

    private static IEnumerable<string> HealthCheckNames(IHost host) => HealthCheckRegistrations(host).Select(r => r.Name);
}

using System.Data.Common;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace CloudNative.ServiceDefaults.Tests;

// Nothing listens on port 1, and none of these registrations needs a server to resolve.
public class RegistrationTests
{
    private const string Postgres = "Host=127.0.0.1;Port=1;Database=catalogdb;Username=postgres;Password=secret";

    [Fact]
    public void Npgsql_data_source_resolves_as_every_ADO_NET_type()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:catalogdb", Postgres));
        builder.AddNpgsqlDataSource("catalogdb");
        using var host = builder.Build();

        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        Assert.Same(dataSource, host.Services.GetRequiredService<DbDataSource>());
        Assert.Contains("Database=catalogdb", dataSource.ConnectionString);
        using var connection = host.Services.GetRequiredService<NpgsqlConnection>();
        Assert.NotSame(connection, host.Services.GetRequiredService<NpgsqlConnection>());
        Assert.IsType<NpgsqlConnection>(host.Services.GetRequiredService<DbConnection>());
        Assert.Contains("PostgreSql_catalogdb", HealthCheckNames(host));
    }

    [Fact]
    public void Npgsql_data_source_builder_can_be_configured()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:catalogdb", Postgres));
        builder.AddNpgsqlDataSource("catalogdb", dataSource => dataSource.ConnectionStringBuilder.ApplicationName = "catalog");
        using var host = builder.Build();

        Assert.Contains("Application Name=catalog", host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
    }

    [Fact]
    public void Npgsql_DbContext_is_pooled_with_retries_and_a_health_check()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:catalogdb", Postgres));
        builder.AddNpgsqlDbContext<TestDbContext>("catalogdb", options => options.EnableDetailedErrors());
        using var host = builder.Build();

        TestDbContext first;
        using (var scope = host.Services.CreateScope())
        {
            first = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            Assert.True(first.Database.IsNpgsql());
            Assert.Contains("Database=catalogdb", first.Database.GetConnectionString());
            Assert.True(first.Database.CreateExecutionStrategy().RetriesOnFailure);
        }
        using (var scope = host.Services.CreateScope())
        {
            // A pooled context goes back to the pool with its scope and is handed out again.
            Assert.Same(first, scope.ServiceProvider.GetRequiredService<TestDbContext>());
        }
        Assert.Contains(nameof(TestDbContext), HealthCheckNames(host));
    }

    [Fact]
    public void Redis_client_resolves_without_a_reachable_server()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:cache", "127.0.0.1:1"));
        builder.AddRedisClient("cache", options =>
        {
            options.ClientName = "catalog";
            // The first resolution waits out the connect attempts; keep them short here.
            options.ConnectTimeout = 200;
            options.ConnectRetry = 1;
        });
        using var host = builder.Build();

        var connection = host.Services.GetRequiredService<IConnectionMultiplexer>();
        Assert.Same(connection, host.Services.GetRequiredService<IConnectionMultiplexer>());
        Assert.False(connection.IsConnected);
        Assert.Equal("catalog", connection.ClientName);
        Assert.Contains("Redis_cache", HealthCheckNames(host));
    }

    [Fact]
    public void Kafka_producer_is_wrapped_for_tracing()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaProducer<string, string>("kafka", configureSettings: config => config.ClientId = "ordering");
        using var host = builder.Build();

        var producer = host.Services.GetRequiredService<IProducer<string, string>>();
        Assert.IsType<TracingProducer<string, string>>(producer);
        Assert.StartsWith("ordering", producer.Name);
    }

    [Fact]
    public void Kafka_clients_on_one_connection_share_one_health_check()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaProducer<string, string>("kafka");
        builder.AddKafkaProducer<Null, byte[]>("kafka");
        builder.AddKafkaConsumer<string, string>("kafka", config => config.GroupId = "payments");
        using var host = builder.Build();

        Assert.Single(HealthCheckNames(host), name => name == "Kafka_kafka");
    }

    [Fact]
    public void Kafka_consumer_requires_a_group_id()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaConsumer<string, string>("kafka", config => config.AutoOffsetReset = AutoOffsetReset.Earliest);
        using var host = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IConsumer<string, string>>());
        Assert.Contains("GroupId", error.Message);
        Assert.Contains("'kafka'", error.Message);
    }

    [Fact]
    public void Kafka_consumer_resolves_with_its_settings()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:kafka", "127.0.0.1:1"));
        builder.AddKafkaConsumer<string, string>("kafka", config => { config.GroupId = "payments"; config.ClientId = "payments"; });
        using var host = builder.Build();

        var consumer = host.Services.GetRequiredService<IConsumer<string, string>>();
        Assert.StartsWith("payments", consumer.Name);
        consumer.Close();
    }

    private static List<string> HealthCheckNames(IHost host) =>
        [.. host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name)];
}

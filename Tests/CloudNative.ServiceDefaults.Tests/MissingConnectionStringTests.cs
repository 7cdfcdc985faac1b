using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StackExchange.Redis;

namespace CloudNative.ServiceDefaults.Tests;

public class MissingConnectionStringTests
{
    private static readonly Dictionary<string, (string ConnectionName, Action<IHostApplicationBuilder> Register, Type Client)> Integrations = new()
    {
        ["Npgsql data source"] = ("catalogdb", b => b.AddNpgsqlDataSource("catalogdb"), typeof(NpgsqlDataSource)),
        ["Npgsql DbContext"] = ("catalogdb", b => b.AddNpgsqlDbContext<TestDbContext>("catalogdb"), typeof(TestDbContext)),
        ["Redis"] = ("cache", b => b.AddRedisClient("cache"), typeof(IConnectionMultiplexer)),
        ["Kafka producer"] = ("kafka", b => b.AddKafkaProducer<string, string>("kafka"), typeof(IProducer<string, string>)),
        ["Kafka consumer"] = ("kafka", b => b.AddKafkaConsumer<string, string>("kafka", c => c.GroupId = "orders"), typeof(IConsumer<string, string>)),
    };

    public static TheoryData<string> IntegrationNames => [.. Integrations.Keys];

    [Theory]
    [MemberData(nameof(IntegrationNames))]
    public void Resolving_the_client_names_the_missing_key_and_the_fix(string integration)
    {
        var (connectionName, register, client) = Integrations[integration];
        var builder = TestHosts.CreateBuilder();
        register(builder);
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();

        var error = Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService(client));

        Assert.StartsWith("ConnectionString is missing.", error.Message);
        Assert.Contains($"'ConnectionStrings:{connectionName}'", error.Message);
        Assert.Contains($"ConnectionStrings__{connectionName}", error.Message);
        Assert.Contains("WithReference", error.Message);
    }

    [Fact]
    public void A_blank_connection_string_counts_as_missing()
    {
        var builder = TestHosts.CreateBuilder(("ConnectionStrings:cache", "  "));
        builder.AddRedisClient("cache");
        using var host = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IConnectionMultiplexer>());
        Assert.Contains("'ConnectionStrings:cache'", error.Message);
    }
}

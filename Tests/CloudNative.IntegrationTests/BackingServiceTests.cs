using Confluent.Kafka;
using Npgsql;
using StackExchange.Redis;

namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class BackingServiceTests(AppHostFixture fixture)
{
    [Fact]
    public async Task CatalogDatabaseExistsAndAWrongPasswordIsRefused()
    {
        var connectionString = await fixture.ConnectionStringAsync("catalogdb");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_database(), inet_server_addr()::text", connection);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("catalogdb", reader.GetString(0));
            Assert.Equal("127.0.0.1/32", reader.GetString(1));
        }

        var wrong = new NpgsqlConnectionStringBuilder(connectionString) { Password = "not-the-password" };
        await using var refused = new NpgsqlConnection(wrong.ConnectionString);
        var error = await Assert.ThrowsAsync<PostgresException>(() => refused.OpenAsync());
        Assert.Equal("28P01", error.SqlState);
    }

    [Fact]
    public async Task RedisRefusesAClientWithoutItsPassword()
    {
        var options = ConfigurationOptions.Parse(await fixture.ConnectionStringAsync("cache"));
        await using (var authorized = await ConnectionMultiplexer.ConnectAsync(options))
        {
            Assert.Equal("PONG", (await authorized.GetDatabase().ExecuteAsync("PING")).ToString());
        }

        var endpoint = (System.Net.DnsEndPoint)options.EndPoints[0];
        var reply = await RedisProtocol.SendUnauthenticatedAsync(endpoint.Host, endpoint.Port, "GET any");
        Assert.StartsWith("-NOAUTH", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KafkaRoundTripWithTheInjectedConnectionString()
    {
        var bootstrap = await fixture.ConnectionStringAsync("kafka");
        var key = Guid.NewGuid().ToString("N");
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap, EnableIdempotence = true }).Build())
        {
            await producer.ProduceAsync("order-events", new Message<string, string> { Key = key, Value = "hello" });
        }

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"test-{key}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe("order-events");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        ConsumeResult<string, string>? found = null;
        while (found is null && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(1));
            if (result?.Message.Key == key)
            {
                found = result;
            }
        }

        consumer.Close();
        Assert.NotNull(found);
        Assert.Equal("hello", found.Message.Value);
    }
}

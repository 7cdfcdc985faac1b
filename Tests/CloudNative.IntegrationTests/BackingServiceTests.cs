using Confluent.Kafka;
using Npgsql;
using StackExchange.Redis;

namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class BackingServiceTests(AppHostFixture fixture)
{
    [Fact]
    public async Task TheCatalogDatabaseWasCreatedOnPostgres()
    {
        var connectionString = await fixture.App.GetConnectionStringAsync("catalogdb");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_database(), (SELECT count(*) FROM pg_database WHERE datname = 'catalogdb')", connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal("catalogdb", reader.GetString(0));
        Assert.Equal(1, reader.GetInt64(1));
    }

    [Fact]
    public async Task PostgresRefusesTheWrongPassword()
    {
        var builder = new NpgsqlConnectionStringBuilder(await fixture.App.GetConnectionStringAsync("postgres")) { Password = "not-the-password", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal("28P01", error.SqlState);
    }

    [Fact]
    public async Task RedisAnswersWithItsPasswordAndOnlyWithIt()
    {
        var connectionString = await fixture.App.GetConnectionStringAsync("cache");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString!);
        Assert.True(await redis.GetDatabase().PingAsync() >= TimeSpan.Zero);

        var withoutPassword = ConfigurationOptions.Parse(connectionString!);
        withoutPassword.Password = null;
        withoutPassword.AbortOnConnectFail = true;
        await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(withoutPassword));
    }

    [Fact]
    public async Task AMessageRoundTripsThroughTheKafkaBrokerWithTheInjectedConnectionString()
    {
        var bootstrap = await fixture.App.GetConnectionStringAsync("kafka");
        var key = Guid.NewGuid().ToString("N");
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true }).Build();
        var delivery = await producer.ProduceAsync("catalog-events", new Message<string, string> { Key = key, Value = "round trip" });
        Assert.Equal(PersistenceStatus.Persisted, delivery.Status);

        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"integration-{key}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe("catalog-events");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        ConsumeResult<string, string>? received = null;
        while (received is null && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromSeconds(1));
            if (result?.Message.Key == key)
            {
                received = result;
            }
        }

        consumer.Close();
        Assert.NotNull(received);
        Assert.Equal("round trip", received.Message.Value);
        Assert.Equal(delivery.TopicPartitionOffset, received.TopicPartitionOffset);
    }
}

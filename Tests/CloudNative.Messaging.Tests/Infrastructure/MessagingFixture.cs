using CloudNative.KafkaDevBroker.Tests;
using CloudNative.Messaging.Outbox;
using Identity.Api.Tests;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CloudNative.Messaging.Tests.Infrastructure;

/// <summary>
/// One throwaway Postgres and one dev broker for every test. Each test gets its own database and its own topics,
/// each topic with a one-partition dead-letter topic, since the mock broker cannot create topics on demand.
/// </summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    public const int Partitions = 3;

    public static readonly string[] Topics =
    [
        "roundtrip", "relay-order", "relay-crash", "relay-two", "consume-retry", "consume-dlt", "consume-poison",
        "consume-offset", "consume-join", "consume-batch", "consume-batch-poison",
    ];

    private PostgresServer? postgres;
    private DevBrokerProcess? broker;
    private int databases;

    public string BootstrapServers { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        postgres = await PostgresServer.StartAsync(timeout.Token);
        var args = Topics.SelectMany(t => new[] { "--topic", $"{t}:{Partitions}", "--topic", $"{t}.dlt:1" }).Append("--exit-on-stdin-eof");
        (broker, BootstrapServers) = await DevBrokerProcess.StartReadyAsync([.. args]);
    }

    /// <summary>
    /// A new database with the test model's schema (state, outbox with its relay's wake-up, inbox), as a service's
    /// migrations would make it.
    /// </summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test{Interlocked.Increment(ref databases)}";
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = ConnectionString(name);
        await using var context = new TestDbContext(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(connectionString).Options);
        await context.Database.EnsureCreatedAsync();
        await context.Database.ExecuteSqlRawAsync(OutboxNotification.CreateSql());
        return connectionString;
    }

    // Pooled, as in the services: the relay must release its lock on a connection the pool keeps.
    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(postgres!.ConnectionString(database)) { Pooling = true }.ConnectionString;

    public async Task DisposeAsync()
    {
        broker?.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingFixture>
{
    public const string Name = "Postgres and Kafka";
}

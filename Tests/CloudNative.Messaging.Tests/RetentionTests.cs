using CloudNative.Messaging.Retention;
using CloudNative.Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace CloudNative.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class RetentionTests(MessagingFixture fixture, ITestOutputHelper output)
{
    private const string Group = "pruned";

    [Fact]
    public async Task RowsPastTheirRetentionArePrunedInBatches_UnpublishedRowsAndRecentIdsAreKept()
    {
        var database = await fixture.CreateDatabaseAsync();
        await using var service = ServiceInstance.Create(fixture, database, output, "pruner", m => m
            .AddOutbox<TestDbContext>(o => o.PublishedRetention = TimeSpan.FromHours(1))
            .AddConsumer<TestDbContext>(Group, ["roundtrip"], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>(), o => o.InboxRetention = TimeSpan.FromDays(7)));
        var now = DateTimeOffset.UtcNow;
        // More old rows than one batch holds, so a round takes several batches.
        var oldPublished = RetentionPruner<TestDbContext>.BatchSize * 2 + 500;
        var oldInbox = RetentionPruner<TestDbContext>.BatchSize + 200;
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await OutboxRows.InsertAsync(connection, oldPublished, occurredAt: now.AddHours(-3), publishedAt: now.AddHours(-2));
            await OutboxRows.InsertAsync(connection, 3, occurredAt: now.AddMinutes(-11), publishedAt: now.AddMinutes(-10));
            // Never published, however old: they still have to go out.
            await OutboxRows.InsertAsync(connection, 4, occurredAt: now.AddDays(-30), publishedAt: null);
            await SeedInboxAsync(connection, Group, oldInbox, now.AddDays(-8));
            await SeedInboxAsync(connection, Group, 5, now.AddDays(-1));
            // Another group's inbox in the same database is not this consumer's to prune.
            await SeedInboxAsync(connection, "other", 6, now.AddDays(-30));
        }
        var pruner = service.Services.GetServices<IHostedService>().OfType<RetentionPruner<TestDbContext>>().Single();

        Assert.Equal(oldPublished + oldInbox, await pruner.PruneOnceAsync(default));

        await using var check = new NpgsqlConnection(database);
        await check.OpenAsync();
        Assert.Equal(3, await CountAsync(check, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "PublishedAt" IS NOT NULL"""));
        Assert.Equal(4, await CountAsync(check, """SELECT COUNT(*) FROM "OutboxMessages" WHERE "PublishedAt" IS NULL"""));
        Assert.Equal(5, await CountAsync(check, $"""SELECT COUNT(*) FROM "InboxMessages" WHERE "ConsumerGroup" = '{Group}'"""));
        Assert.Equal(6, await CountAsync(check, """SELECT COUNT(*) FROM "InboxMessages" WHERE "ConsumerGroup" = 'other'"""));
        Assert.Equal(0, await pruner.PruneOnceAsync(default));
    }

    [Fact]
    public void AnInboxWithoutRetentionIsRefused()
    {
        var database = "Host=unused";
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ServiceInstance.Create(fixture, database, output, "refused", m => m
            .AddConsumer<TestDbContext>(Group, ["roundtrip"], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>(), o => o.InboxRetention = TimeSpan.Zero)));
        Assert.Equal("InboxRetention", error.ParamName);
    }

    private static async Task SeedInboxAsync(NpgsqlConnection connection, string group, int count, DateTimeOffset processedAt)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO "InboxMessages" ("ConsumerGroup", "MessageId", "MessageType", "ProcessedAt")
            SELECT $1, gen_random_uuid(), 'order-placed', $2 FROM generate_series(1, $3)
            """, connection);
        command.Parameters.Add(new() { Value = group });
        command.Parameters.Add(new() { Value = processedAt });
        command.Parameters.Add(new() { Value = count });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

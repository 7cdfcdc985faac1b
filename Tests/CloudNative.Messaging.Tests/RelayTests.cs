using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Inbox;
using CloudNative.Messaging.Outbox;
using CloudNative.Messaging.Serialization;
using CloudNative.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace CloudNative.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class RelayTests(MessagingFixture fixture, ITestOutputHelper output)
{
    private static readonly MessageTypes Types = new MessageTypes().Add("order-placed", TestJsonContext.Default.OrderPlaced);

    private readonly TopicReader topics = new(fixture.BootstrapServers);

    [Fact]
    public async Task CrashBetweenPublishAndMark_PublishesAgain_AndTheInboxAppliesOnce()
    {
        const string topic = "relay-crash";
        const string group = "crash-consumer";
        const int count = 10;
        using var metrics = new MessagingMetrics();
        var database = await fixture.CreateDatabaseAsync();
        void Configure(MessagingBuilder m) => m.AddOutbox<TestDbContext>()
            .AddConsumer<TestDbContext>(group, [topic], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>());

        await using (var first = ServiceInstance.Create(fixture, database, output, "first", Configure))
        {
            await first.StartAsync();
            await EnqueueAsync(first, topic, ["order-1", "order-2"], 1, count / 2);
            await WaitForAppliedAsync(first, count);
            await first.StopAsync();
        }

        // The state a crash leaves between the broker's acknowledgement and the mark: sent, yet still queued.
        await using var restarted = ServiceInstance.Create(fixture, database, output, "restarted", Configure);
        await restarted.InScopeAsync(context =>
            context.Set<OutboxMessage>().ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, (DateTimeOffset?)null)));
        await restarted.StartAsync();

        Assert.Equal(2 * count, (await topics.ReadAllAsync(topic, 2 * count)).Count);
        await Eventually.WaitUntilAsync(() => metrics.ForGroup("cloudnative.messaging.consumer.duplicates", group) == count, "the re-sent copies reaching the consumer");
        var applied = await restarted.InScopeAsync(context => context.Applied.Select(a => a.MessageId).ToListAsync());
        Assert.Equal(count, applied.Count);
        Assert.Equal(count, applied.Distinct().Count());
        Assert.Equal(count, metrics.ForGroup("cloudnative.messaging.consumer.consumed", group));
        Assert.Equal(count, await restarted.InScopeAsync(context => context.Set<InboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task TwoReplicas_OneRelayPublishes_TheOtherTakesOverWhenItsSessionDies()
    {
        const string topic = "relay-two";
        string[] keys = ["order-x", "order-y", "order-z"];
        const int perRound = 10;
        var database = await fixture.CreateDatabaseAsync();
        // Commit notifications only (no polling to speak of), so the standby's writes must wake the active relay.
        void Configure(MessagingBuilder m) => m.AddOutbox<TestDbContext>(o => o.PollInterval = TimeSpan.FromHours(1));
        await using var replicaA = ServiceInstance.Create(fixture, database, output, "replica-a", Configure);
        await using var replicaB = ServiceInstance.Create(fixture, database, output, "replica-b", Configure);

        await replicaA.StartAsync();
        var active = (await WaitForRelayLocksAsync(database, granted: 1, standingBy: 0)).Granted!.Value;
        await replicaB.StartAsync();
        await WaitForRelayLocksAsync(database, granted: 1, standingBy: 1);
        Assert.Equal(active, (await RelayLocksAsync(database)).Granted);

        await EnqueueAsync(replicaB, topic, keys, 1, perRound);
        Assert.Equal(keys.Length * perRound, (await topics.ReadAllAsync(topic, keys.Length * perRound)).Count);
        // Killed after its marks commit: a kill between publish and mark re-sends, which the crash test above covers.
        await WaitForAllMarkedAsync(replicaA);

        // The active relay's database session dies, as it does when its process crashes: Postgres frees the lock.
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", connection);
            terminate.Parameters.AddWithValue("pid", active);
            await terminate.ExecuteNonQueryAsync();
        }
        await Eventually.WaitForAsync(() => RelayLocksAsync(database), locks => locks.Granted is { } holder && holder != active,
            "the other relay taking the lock");

        await EnqueueAsync(replicaA, topic, keys, perRound + 1, 2 * perRound);
        var messages = await topics.ReadAllAsync(topic, keys.Length * 2 * perRound);

        Assert.Equal(keys.Length * 2 * perRound, messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => TopicReader.Header(m, EnvelopeHeaders.MessageId)).Distinct().Count());
        foreach (var key in keys)
        {
            Assert.Equal(Enumerable.Range(1, 2 * perRound), messages.Where(m => m.Message.Key == key).OrderBy(m => m.Offset.Value)
                .Select(m => ((OrderPlaced)Types.Deserialize("order-placed", m.Message.Value)).Sequence));
        }
        await WaitForAllMarkedAsync(replicaA);
    }

    private static Task WaitForAllMarkedAsync(ServiceInstance service) =>
        Eventually.WaitForAsync(() => service.InScopeAsync(context => context.Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null)),
            unpublished => unpublished == 0, "every outbox row marked published");

    private static async Task EnqueueAsync(ServiceInstance service, string topic, string[] keys, int fromSequence, int toSequence)
    {
        for (var sequence = fromSequence; sequence <= toSequence; sequence++)
        {
            foreach (var key in keys)
            {
                await service.InScopeAsync((context, outbox) =>
                {
                    outbox.Enqueue(topic, key, new OrderPlaced(key, sequence));
                    return context.SaveChangesAsync();
                });
            }
        }
    }

    private static Task WaitForAppliedAsync(ServiceInstance service, int count) =>
        Eventually.WaitForAsync(() => service.InScopeAsync(context => context.Applied.CountAsync()), applied => applied == count, $"{count} applied messages");

    private static Task<(int? Granted, int StandingBy)> WaitForRelayLocksAsync(string database, int granted, int standingBy) =>
        Eventually.WaitForAsync(() => RelayLocksAsync(database), locks => (locks.Granted is null ? 0 : 1) == granted && locks.StandingBy == standingBy,
            $"{granted} relay holding the lock and {standingBy} standing by");

    // The relays in this database: the lock holder's backend pid, and how many other sessions last tried for the lock.
    // None may wait inside a statement (an ungranted lock): a waiting statement holds its snapshot, see OutboxRelay.
    private static async Task<(int? Granted, int StandingBy)> RelayLocksAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = d.oid),
                   (SELECT count(*)::integer FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = d.oid),
                   (SELECT count(*)::integer FROM pg_stat_activity a WHERE a.datid = d.oid AND a.query LIKE 'SELECT pg_try_advisory_lock(%'
                        AND NOT EXISTS (SELECT FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory' AND l.granted))
            FROM pg_database d WHERE d.datname = current_database()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(0, reader.GetInt32(1));
        return (reader.IsDBNull(0) ? null : reader.GetInt32(0), reader.GetInt32(2));
    }
}

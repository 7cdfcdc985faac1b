using Gateway.Api.Tests;

namespace CloudNative.IntegrationTests;

// The outbox relay killed after the broker acknowledged a batch and before the batch was marked published. A trigger
// holds Ordering's mark-as-published UPDATE on a lock this test owns, so the relay stops at exactly that point; then
// its process is killed, and its stuck statement ended, so the mark never happens, as in a real crash between the two.
// The other replica's relay takes over the outbox, publishes the batch again, and Catalog's inbox absorbs the copy.
[Collection(ChaosCollection.Name)]
public sealed class OutboxRelayCrashTests(ChaosAppHostFixture fixture)
{
    private const int Boots = 1;   // 109.99, stock 120
    private const long HoldKey = 7_007_007;

    private static readonly TimeSpan s_blocked = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ARelayKilledBetweenPublishAndMarkPublishesAgainAndTheInboxAppliesOnce()
    {
        using var gateway = await fixture.App.CustomerClientAsync();
        var topics = await SagaTopics.OfAsync(fixture);
        var replicas = await ServiceReplicas.OfAsync(fixture.App, "ordering", 2);
        var stockBefore = await fixture.StockAsync(Boots);

        await using var hold = await fixture.OpenAsync("orderingdb");
        await fixture.ExecuteAsync("orderingdb", $"""
            CREATE FUNCTION hold_outbox_mark() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN PERFORM pg_advisory_xact_lock_shared({HoldKey}); RETURN NEW; END $$
            """);
        await fixture.ExecuteAsync("orderingdb",
            """CREATE TRIGGER hold_outbox_mark BEFORE UPDATE OF "PublishedAt" ON "OutboxMessages" FOR EACH ROW EXECUTE FUNCTION hold_outbox_mark()""");
        string location, orderKey;
        Guid messageId;
        try
        {
            await hold.ExecuteAsync($"SELECT pg_advisory_lock({HoldKey})");
            location = await gateway.CheckoutAsync(OrderRequests.Items((Boots, 1)));
            orderKey = OrderRequests.OrderId(location).ToString();

            // The active relay published the order's first batch, and now waits in its mark.
            (int Backend, int Port) relay = default;
            await Until.TrueAsync(async () =>
            {
                var stuck = await fixture.QueryAsync("orderingdb",
                    """SELECT pid, client_port FROM pg_stat_activity WHERE wait_event = 'advisory' AND query LIKE 'UPDATE "OutboxMessages"%'""",
                    r => (r.GetInt32(0), r.GetInt32(1)));
                relay = stuck.SingleOrDefault();
                return stuck.Count == 1;
            }, s_blocked);
            var published = Assert.Single(topics.ReadKeyed("catalog-commands", new HashSet<string> { orderKey }));
            messageId = Guid.Parse(SagaTopics.Header(published, "message-id"));

            await replicas.Single(r => ProcessSockets.OwnLocalPort(r.Processes, relay.Port)).KillAsync();
            // Postgres notices a dead client only when it next talks to it, and the held UPDATE would then still commit:
            // ending its backend is what makes the mark never happen, as the crash meant.
            Assert.True(await fixture.ScalarAsync<bool>("orderingdb", "SELECT pg_terminate_backend($1)", relay.Backend));
        }
        finally
        {
            // Unlocked first: the surviving relay's mark may be waiting in the trigger, and the DROP would wait for it.
            await hold.ExecuteAsync($"SELECT pg_advisory_unlock({HoldKey})");
            await hold.ExecuteAsync("""DROP TRIGGER hold_outbox_mark ON "OutboxMessages" """);
            await hold.ExecuteAsync("DROP FUNCTION hold_outbox_mark()");
        }

        var order = await gateway.TerminalAsync(location, ChaosAppHostFixture.SagaTimeout);

        Assert.Equal("Confirmed", order.Status());
        var copies = topics.ReadKeyed("catalog-commands", new HashSet<string> { orderKey });
        Assert.Equal(2, copies.Count);
        Assert.All(copies, c => Assert.Equal(messageId.ToString(), SagaTopics.Header(c, "message-id")));
        await topics.WaitHandledAsync([copies[1].TopicPartitionOffset], OrderRequests.Saga);
        Assert.Equal(1, await fixture.InboxCountAsync("catalogdb", "catalog", messageId));
        Assert.Equal([("Reserved", 1L)], await fixture.ReservationsAsync(OrderRequests.OrderId(location)));
        Assert.Equal(stockBefore - 1, await fixture.StockAsync(Boots));
        Assert.Equal(["OrderSubmitted", "StockReserved", "PaymentAuthorized", "OrderConfirmed"], await gateway.EventTypesAsync(location));
    }
}

using Confluent.Kafka;

namespace CloudNative.IntegrationTests;

// Every message type of the saga delivered a second time, on purpose: the very messages the services exchanged for
// three finished orders, sent again to their partitions with their message ids. Each consumer's inbox must turn the
// copy into a skip, so no stock is reserved or released twice, nothing is charged or refunded twice, and no order's
// history grows.
[Collection(AppHostCollection.Name)]
public sealed class DuplicateDeliveryTests(AppHostFixture fixture)
{
    private const int Compass = 14;   // 34.99, stock 300
    private const int Parka = 13;     // 299.00: four are above the decline threshold

    private static readonly string[] s_sagaMessageTypes =
    [
        "catalog.reserve-stock.v1", "catalog.release-stock.v1",
        "catalog.stock-reserved.v1", "catalog.stock-rejected.v1", "catalog.stock-released.v1",
        "payments.authorize-payment.v1", "payments.refund-payment.v1",
        "payments.payment-authorized.v1", "payments.payment-declined.v1", "payments.payment-refunded.v1",
    ];

    [Fact]
    public async Task EveryMessageTypeDeliveredTwiceTakesEffectOnce()
    {
        using var gateway = await fixture.App.CustomerClientAsync();
        var topics = await SagaTopics.OfAsync(fixture);
        var confirmed = await gateway.CheckoutAsync(OrderRequests.Items((Compass, 2)));
        var declined = await gateway.CheckoutAsync(OrderRequests.Items((Parka, 4)));
        var rejected = await gateway.CheckoutAsync(OrderRequests.Items((Compass, 1000)));
        Assert.Equal("Confirmed", (await gateway.TerminalAsync(confirmed)).Status());
        Assert.Equal("Cancelled", (await gateway.TerminalAsync(rejected)).Status());
        await gateway.EventTypesOnceAsync(declined, "StockReleased");
        // The saga refunds only after a deadline; its command is sent here as Ordering would, to have one to repeat.
        var declinedId = OrderRequests.OrderId(declined);
        await topics.SendAsync("payment-commands", declinedId, "payments.refund-payment.v1", new { orderId = declinedId, reason = "Timed out waiting for the payment" });
        await gateway.EventTypesOnceAsync(declined, "PaymentRefunded");

        string[] locations = [confirmed, declined, rejected];
        var before = await SnapshotAsync(gateway, locations);
        var keys = locations.Select(l => OrderRequests.OrderId(l).ToString()).ToHashSet();
        var originals = SagaTopics.ConsumerGroups.Keys.SelectMany(topic => topics.ReadKeyed(topic, keys)).ToList();
        Assert.Equal(s_sagaMessageTypes.Order(), originals.Select(m => SagaTopics.Header(m, "message-type")).Distinct().Order());

        var copies = await topics.ReproduceAsync(originals);
        await topics.WaitHandledAsync(copies, OrderRequests.Saga);

        Assert.Equal(before, await SnapshotAsync(gateway, locations));
        foreach (var original in originals)
        {
            // Each group keeps its inbox in its own service's database: catalog in catalogdb, and so on.
            var group = SagaTopics.ConsumerGroups[original.Topic];
            Assert.Equal(1, await fixture.InboxCountAsync($"{group}db", group, Guid.Parse(SagaTopics.Header(original, "message-id"))));
        }
        // No handler ran again, so no answer was sent again: the topics hold the originals and their copies only.
        var now = SagaTopics.ConsumerGroups.Keys.Sum(topic => topics.ReadKeyed(topic, keys).Count);
        Assert.Equal(2 * originals.Count, now);
    }

    // What the duplicates must not change: stock, each order's reservation, payment and history.
    private async Task<string> SnapshotAsync(HttpClient gateway, IEnumerable<string> locations)
    {
        List<string> lines = [$"stock {Compass}: {await fixture.StockAsync(Compass)}", $"stock {Parka}: {await fixture.StockAsync(Parka)}"];
        foreach (var location in locations)
        {
            var orderId = OrderRequests.OrderId(location);
            lines.Add($"{orderId} reservation: {string.Join(", ", await fixture.ReservationsAsync(orderId))}");
            lines.Add($"{orderId} payment: {string.Join(", ", await fixture.PaymentsAsync(orderId))}");
            lines.Add($"{orderId} history: {string.Join(", ", await gateway.EventTypesAsync(location))}");
        }
        return string.Join('\n', lines);
    }
}

using CloudNative.Contracts;
using CloudNative.Messaging.Tests.Infrastructure;
using Ordering.Api.Tests.Infrastructure;

namespace Ordering.Api.Tests;

/// <summary>
/// The saga end to end over the real broker, with <see cref="SagaParticipants"/> answering as Catalog and Payments:
/// the outbox relay publishes the commands, the consumer applies the replies, the sweeper enforces the deadline.
/// </summary>
[Collection(OrderingCollection.Name)]
public sealed class CheckoutSagaFlowTests(OrderingFixture fixture)
{
    SagaParticipants Participants => fixture.Participants;

    [Fact]
    public async Task StockReservedAndPaymentAuthorized_Confirms_AtTheCatalogsPrices()
    {
        using var client = fixture.ClientFor($"happy-{Guid.NewGuid()}");
        var id = await client.CheckoutAcceptedAsync(OrderingHttp.Items((2, 3), (10, 1)));

        var order = await client.WaitForFinalAsync(id);

        Assert.Equal("Confirmed", order.Status());
        Assert.Equal(1.5m * 2 * 3 + 1.5m * 10, order.GetProperty("total").GetDecimal());
        Assert.Equal(["OrderSubmitted", "StockReserved", "PaymentAuthorized", "OrderConfirmed"], await client.EventTypesAsync(id));
        Assert.DoesNotContain(Participants.ReceivedFor(id), m => m is ReleaseStock or RefundPayment);
    }

    [Fact]
    public async Task StockRejected_Cancels_AndNothingIsCharged()
    {
        using var client = fixture.ClientFor($"rejected-{Guid.NewGuid()}");
        var id = await client.CheckoutAcceptedAsync(OrderingHttp.Items((1, 1), (SagaParticipants.RejectedProduct, 1)));

        var order = await client.WaitForFinalAsync(id);

        Assert.Equal("Cancelled", order.Status());
        Assert.Contains("out of stock", order.GetProperty("cancelReason").GetString());
        Assert.Equal([typeof(ReserveStock)], Participants.ReceivedFor(id).Select(m => m.GetType()));
    }

    [Fact]
    public async Task PaymentDeclined_ReleasesTheStock_AndCancels()
    {
        using var client = fixture.ClientFor($"declined-{Guid.NewGuid()}");
        var id = await client.CheckoutAcceptedAsync(OrderingHttp.Items((3, 1)));

        var order = await client.WaitForFinalAsync(id);

        Assert.Equal("Cancelled", order.Status());
        Assert.Contains("card declined", order.GetProperty("cancelReason").GetString());
        var events = await Eventually.WaitForAsync(() => client.EventTypesAsync(id), e => e.Contains("StockReleased"), "the release acknowledged");
        Assert.Equal(["OrderSubmitted", "StockReserved", "OrderCancelled", "StockReleased"], events);
        Assert.Equal([typeof(ReserveStock), typeof(AuthorizePayment), typeof(ReleaseStock)], Participants.ReceivedFor(id).Select(m => m.GetType()));
    }

    [Fact]
    public async Task NoStockAnswerInTime_TheDeadlineReleasesAndCancels_AndALateReservationChangesNothing()
    {
        using var client = fixture.ClientFor($"stock-silent-{Guid.NewGuid()}");
        var id = await client.CheckoutAcceptedAsync(OrderingHttp.Items((SagaParticipants.SilentProduct, 1)));

        var order = await client.WaitForFinalAsync(id);

        Assert.Equal("Cancelled", order.Status());
        Assert.Contains("stock", order.GetProperty("cancelReason").GetString());
        await Eventually.WaitForAsync(() => Task.FromResult(Participants.ReceivedFor(id)), m => m.Any(c => c is ReleaseStock), "the release");

        await Participants.SendAsync(Topics.CatalogEvents, id, new StockReserved(id, [new(SagaParticipants.SilentProduct, 1, 1m)]));
        var events = await Eventually.WaitForAsync(() => client.EventTypesAsync(id), e => e.Contains("StockReleased"), "the release acknowledged");
        // The late reservation was applied by the consumer (the release acknowledgement came after it on the same key) and ignored.
        Assert.Equal(["OrderSubmitted", "OrderCancelled", "StockReleased"], events);
        Assert.Equal("Cancelled", (await client.GetOrderAsync(id)).Status());
    }

    [Fact]
    public async Task NoPaymentAnswerInTime_TheDeadlineRefundsReleasesAndCancels()
    {
        using var client = fixture.ClientFor($"silent-payer-{Guid.NewGuid()}");
        var id = await client.CheckoutAcceptedAsync(OrderingHttp.Items((4, 2)));

        var order = await client.WaitForFinalAsync(id);

        Assert.Equal("Cancelled", order.Status());
        Assert.Contains("payment", order.GetProperty("cancelReason").GetString());
        var events = await Eventually.WaitForAsync(() => client.EventTypesAsync(id),
            e => e.Contains("StockReleased") && e.Contains("PaymentRefunded"), "both compensations acknowledged");
        Assert.Equal(["OrderSubmitted", "StockReserved", "OrderCancelled"], events.Take(3));
        // Each compensation is on its own participant's topic, so they may arrive in either order.
        var received = Participants.ReceivedFor(id).Select(m => m.GetType()).ToList();
        Assert.Equal([typeof(ReserveStock), typeof(AuthorizePayment)], received.Take(2));
        Assert.Equal([typeof(RefundPayment), typeof(ReleaseStock)], received.Skip(2).OrderBy(t => t.Name));
    }
}

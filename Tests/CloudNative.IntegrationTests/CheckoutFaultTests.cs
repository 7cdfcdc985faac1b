namespace CloudNative.IntegrationTests;

// The saga's unhappy endings through the whole system: a declined payment and a race for the last unit. Product ids
// are the seed's (ids follow its order), each used by one test only, so stock comparisons see no one else's orders.
[Collection(AppHostCollection.Name)]
public sealed class CheckoutFaultTests(AppHostFixture fixture)
{
    private const int Parka = 13;      // 299.00, stock 45
    private const int Headlamp = 20;   // 44.95, stock 220

    [Fact]
    public async Task ADeclinedPaymentReleasesTheStockAndCancels()
    {
        using var gateway = await fixture.App.CustomerClientAsync();
        var stockBefore = await fixture.StockAsync(Parka);

        // 4 × 299.00 is above the test app's decline threshold.
        var location = await gateway.CheckoutAsync(OrderRequests.Items((Parka, 4)));
        var order = await gateway.TerminalAsync(location);

        Assert.Equal("Cancelled", order.Status());
        Assert.StartsWith("Payment declined", order.GetProperty("cancelReason").GetString());
        Assert.Equal(["OrderSubmitted", "StockReserved", "OrderCancelled", "StockReleased"], await gateway.EventTypesOnceAsync(location, "StockReleased"));
        var orderId = OrderRequests.OrderId(location);
        Assert.Equal([("Released", 4L)], await fixture.ReservationsAsync(orderId));
        Assert.Equal(stockBefore, await fixture.StockAsync(Parka));
        Assert.Equal([("Declined", 4 * 299.00m)], await fixture.PaymentsAsync(orderId));
    }

    [Fact]
    public async Task OfConcurrentCheckoutsForTheLastUnitExactlyOneWins()
    {
        const int contenders = 6;
        using var gateway = await fixture.App.CustomerClientAsync();
        await fixture.SetStockAsync(Headlamp, 1);

        var locations = await Task.WhenAll(Enumerable.Range(0, contenders).Select(_ => gateway.CheckoutAsync(OrderRequests.Items((Headlamp, 1)))));
        var orders = await Task.WhenAll(locations.Select(l => gateway.TerminalAsync(l)));

        var winner = Assert.Single(orders, o => o.Status() == "Confirmed");
        Assert.All(orders.Where(o => o.Status() != "Confirmed"), o => Assert.StartsWith("Stock rejected", o.GetProperty("cancelReason").GetString()));
        Assert.Equal(0, await fixture.StockAsync(Headlamp));
        foreach (var location in locations)
        {
            var payments = await fixture.PaymentsAsync(OrderRequests.OrderId(location));
            Assert.Equal(location.EndsWith(winner.GetProperty("id").GetString()!, StringComparison.Ordinal) ? [("Authorized", 44.95m)] : [], payments);
        }
    }
}

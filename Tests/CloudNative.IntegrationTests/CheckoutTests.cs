using System.Net;

namespace CloudNative.IntegrationTests;

// The whole checkout through the gateway as the demo customer: Ordering's saga over the real Kafka, Catalog's stock
// and Payments' replicas, until the order reaches a terminal status.
[Collection(AppHostCollection.Name)]
public sealed class CheckoutTests(AppHostFixture fixture)
{
    [Fact]
    public async Task AnOrderIsConfirmedAtTheCatalogsPriceAndItsHistoryTellsTheSaga()
    {
        using var gateway = await fixture.App.CustomerClientAsync();

        var location = await gateway.CheckoutAsync(OrderRequests.Items((2, 1)));
        var order = await gateway.TerminalAsync(location);

        Assert.Equal("Confirmed", order.Status());
        Assert.Equal(89.50m, order.GetProperty("total").GetDecimal());
        Assert.Equal(["OrderSubmitted", "StockReserved", "PaymentAuthorized", "OrderConfirmed"], await gateway.EventTypesAsync(location));
    }

    [Fact]
    public async Task TheSameIdempotencyKeyGivesTheSameOrder()
    {
        using var gateway = await fixture.App.CustomerClientAsync();
        var key = Guid.NewGuid().ToString();
        var body = OrderRequests.Items((4, 1));

        var first = await gateway.CheckoutAsync(body, key);
        var second = await gateway.CheckoutAsync(body, key);

        Assert.Equal(first, second);
        using var reused = await gateway.PostOrderAsync(OrderRequests.Items((4, 2)), key);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
    }

    [Fact]
    public async Task TheBasketIsCheckedOutByAnEmptyBody()
    {
        using var gateway = await fixture.App.CustomerClientAsync();
        using var put = await gateway.PutAsync("/api/basket", OrderRequests.Json(OrderRequests.Items((5, 2))));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var location = await gateway.CheckoutAsync(body: null, idempotencyKey: Guid.NewGuid().ToString());
        var order = await gateway.TerminalAsync(location);

        Assert.Equal("Confirmed", order.Status());
        Assert.Equal(2 * 149.00m, order.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task MoreThanTheStockIsCancelledAndNothingIsCharged()
    {
        using var gateway = await fixture.App.CustomerClientAsync();

        var location = await gateway.CheckoutAsync(OrderRequests.Items((3, 1000)));
        var order = await gateway.TerminalAsync(location);

        Assert.Equal("Cancelled", order.Status());
        Assert.Equal(["OrderSubmitted", "OrderCancelled"], await gateway.EventTypesAsync(location));
        var orderId = OrderRequests.OrderId(location);
        Assert.Equal([("Rejected", 0L)], await fixture.ReservationsAsync(orderId));
        // Payments never heard of the order: no command reached it, so nothing was charged or even asked.
        Assert.Empty(await fixture.PaymentsAsync(orderId));
    }

    [Fact]
    public async Task OrdersNeedASignedInCustomer()
    {
        using var anonymous = fixture.App.CreateHttpClient("gateway");

        using var response = await anonymous.PostAsync("/api/orders", OrderRequests.Json(OrderRequests.Items((1, 1))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Api.Tests;

namespace CloudNative.IntegrationTests;

// The whole checkout through the gateway as the demo customer: Ordering's saga over the real Kafka, Catalog's stock
// and Payments' replicas, until the order reaches a terminal status.
[Collection(AppHostCollection.Name)]
public sealed class CheckoutTests(AppHostFixture fixture)
{
    // Generous: on a loaded 2-core machine the saga's hops queue behind every service's start-up work.
    private static readonly TimeSpan s_saga = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task AnOrderIsConfirmedAtTheCatalogsPriceAndItsHistoryTellsTheSaga()
    {
        using var gateway = await fixture.CustomerClientAsync();

        var location = await CheckoutAsync(gateway, """{"items":[{"productId":2,"quantity":1}]}""", idempotencyKey: null);
        var order = await TerminalAsync(gateway, location);

        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        Assert.Equal(89.50m, order.GetProperty("total").GetDecimal());
        using var history = JsonDocument.Parse(await gateway.GetStringAsync($"{location}/events"));
        var types = history.RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["OrderSubmitted", "StockReserved", "PaymentAuthorized", "OrderConfirmed"], types);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyGivesTheSameOrder()
    {
        using var gateway = await fixture.CustomerClientAsync();
        var key = Guid.NewGuid().ToString();
        const string body = """{"items":[{"productId":4,"quantity":1}]}""";

        var first = await CheckoutAsync(gateway, body, key);
        var second = await CheckoutAsync(gateway, body, key);

        Assert.Equal(first, second);
        using var reused = await PostOrderAsync(gateway, """{"items":[{"productId":4,"quantity":2}]}""", key);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
    }

    [Fact]
    public async Task TheBasketIsCheckedOutByAnEmptyBody()
    {
        using var gateway = await fixture.CustomerClientAsync();
        using var put = await gateway.PutAsync("/api/basket", Json("""{"items":[{"productId":5,"quantity":2}]}"""));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var location = await CheckoutAsync(gateway, body: null, idempotencyKey: Guid.NewGuid().ToString());
        var order = await TerminalAsync(gateway, location);

        Assert.Equal("Confirmed", order.GetProperty("status").GetString());
        Assert.Equal(2 * 149.00m, order.GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task MoreThanTheStockIsCancelledAndNothingIsCharged()
    {
        using var gateway = await fixture.CustomerClientAsync();

        var location = await CheckoutAsync(gateway, """{"items":[{"productId":3,"quantity":1000}]}""", idempotencyKey: null);
        var order = await TerminalAsync(gateway, location);

        Assert.Equal("Cancelled", order.GetProperty("status").GetString());
        using var history = JsonDocument.Parse(await gateway.GetStringAsync($"{location}/events"));
        Assert.DoesNotContain(history.RootElement.EnumerateArray(), e => e.GetProperty("type").GetString() == "PaymentAuthorized");
    }

    [Fact]
    public async Task OrdersNeedASignedInCustomer()
    {
        using var anonymous = fixture.App.CreateHttpClient("gateway");

        using var response = await anonymous.PostAsync("/api/orders", Json("""{"items":[{"productId":1,"quantity":1}]}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string> CheckoutAsync(HttpClient gateway, string? body, string? idempotencyKey)
    {
        using var response = await PostOrderAsync(gateway, body, idempotencyKey);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    private static Task<HttpResponseMessage> PostOrderAsync(HttpClient gateway, string? body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = body is null ? null : Json(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return gateway.SendAsync(request);
    }

    private static async Task<JsonElement> TerminalAsync(HttpClient gateway, string location)
    {
        JsonElement order = default;
        await Until.TrueAsync(async () =>
        {
            order = (await gateway.GetFromJsonAsync<JsonElement>(location));
            return order.GetProperty("status").GetString() is "Confirmed" or "Cancelled";
        }, s_saga);
        return order;
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}

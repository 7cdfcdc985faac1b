using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CloudNative.IntegrationTests;

// The AppHost's wiring of the saga's participants: commands sent on the AppHost's Kafka, in the wire format other
// services use (envelope headers, contract names, web JSON), reach Catalog and the Payments replicas, which apply them.
[Collection(AppHostCollection.Name)]
public sealed class CheckoutServicesTests(AppHostFixture fixture)
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task PaymentsAuthorizesACommandFromKafka()
    {
        var orderId = Guid.NewGuid();
        await (await SagaTopics.OfAsync(fixture)).SendAsync("payment-commands", orderId, "payments.authorize-payment.v1",
            new { orderId, userId = "integration", amount = 42.50m, currency = "EUR" });

        using var client = fixture.App.CreateHttpClient("payments");
        var payment = await WaitForAsync(async () =>
        {
            using var response = await client.GetAsync($"/api/payments/{orderId}");
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>() : (JsonElement?)null;
        }, $"order {orderId}'s payment");

        Assert.Equal("Authorized", payment.GetProperty("status").GetString());
        Assert.Equal(42.50m, payment.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task CatalogReservesStockFromKafkaAndTheGatewayShowsIt()
    {
        using var gateway = fixture.App.CreateHttpClient("gateway");
        var product = (await gateway.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageSize=1")).GetProperty("data")[0];
        var (productId, stock) = (product.GetProperty("id").GetInt32(), product.GetProperty("availableStock").GetInt32());

        var orderId = Guid.NewGuid();
        await (await SagaTopics.OfAsync(fixture)).SendAsync("catalog-commands", orderId, "catalog.reserve-stock.v1", new { orderId, lines = new[] { new { productId, quantity = 2 } } });

        await WaitForAsync(async () =>
        {
            var item = await gateway.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{productId}");
            return item.GetProperty("availableStock").GetInt32() == stock - 2 ? item : (JsonElement?)null;
        }, $"product {productId}'s stock down by 2");
    }

    private static async Task<JsonElement> WaitForAsync(Func<Task<JsonElement?>> read, string what)
    {
        var deadline = DateTime.UtcNow + s_deadline;
        while (DateTime.UtcNow < deadline)
        {
            if (await read() is { } value)
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Gave up after {s_deadline.TotalSeconds} s waiting for {what}.");
    }
}

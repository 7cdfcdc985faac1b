using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Basket.Api.Tests;

static class BasketJson
{
    public static Task<HttpResponseMessage> PutBasketAsync(this HttpClient client, params (int ProductId, int Quantity)[] items) =>
        client.PutAsJsonAsync("/api/basket", new { items = items.Select(item => new { productId = item.ProductId, quantity = item.Quantity }) });

    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient client, string body, string mediaType = "application/json") =>
        client.PutAsync("/api/basket", new StringContent(body, Encoding.UTF8, mediaType));

    // A basket body as (productId, quantity) pairs, in the order the service gives them.
    public static async Task<(int ProductId, int Quantity)[]> ReadItemsAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("items").EnumerateArray()
            .Select(item => (item.GetProperty("productId").GetInt32(), item.GetProperty("quantity").GetInt32()))];
    }

    public static async Task<JsonDocument> ReadProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        return problem;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CloudNative.IntegrationTests;

/// <summary>The basket service called directly, as the gateway calls it: the user named in X-User-Id.</summary>
[Collection(AppHostCollection.Name)]
public sealed class BasketTests(AppHostFixture fixture)
{
    [Fact]
    public async Task BasketKeepsASeededCatalogProductForTheUserTheGatewayNames()
    {
        var productId = await SeededProductIdAsync();
        using var client = BasketClientFor(Guid.NewGuid().ToString());

        using var put = await client.PutAsJsonAsync("/api/basket", new { items = new[] { new { productId, quantity = 2 } } });
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        using var get = await client.GetAsync("/api/basket");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var basket = JsonDocument.Parse(await get.Content.ReadAsStringAsync());
        var line = Assert.Single(basket.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(productId, line.GetProperty("productId").GetInt32());
        Assert.Equal(2, line.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task AProductTheCatalogDoesNotKnowIsABadRequestProblem()
    {
        using var client = BasketClientFor(Guid.NewGuid().ToString());

        using var response = await client.PutAsJsonAsync("/api/basket", new { items = new[] { new { productId = 987654321, quantity = 1 } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("987654321", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CatalogLooksUpItemsByIdsFromPostgres()
    {
        var productId = await SeededProductIdAsync();
        using var client = fixture.App.CreateHttpClient("gateway");

        using var items = JsonDocument.Parse(await client.GetStringAsync($"/api/catalog/items/by?ids={productId}&ids=987654321"));

        var item = Assert.Single(items.RootElement.EnumerateArray());
        Assert.Equal(productId, item.GetProperty("id").GetInt32());
    }

    private HttpClient BasketClientFor(string userId)
    {
        var client = fixture.App.CreateHttpClient("basket");
        client.DefaultRequestHeaders.Add("X-User-Id", userId);
        return client;
    }

    private async Task<int> SeededProductIdAsync()
    {
        using var client = fixture.App.CreateHttpClient("catalog");
        using var page = JsonDocument.Parse(await client.GetStringAsync("/api/catalog/items?pageSize=1"));
        return page.RootElement.GetProperty("data")[0].GetProperty("id").GetInt32();
    }
}

using System.Net;
using System.Text.Json;

namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class GatewayTests(AppHostFixture fixture)
{
    [Fact]
    public async Task SeededProductsAreServedThroughTheGateway()
    {
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("gateway").WaitAsync(AppHostFixture.StartupTimeout);
        using var client = fixture.App.CreateHttpClient("gateway");

        using var response = await client.GetAsync("/api/catalog/items?pageIndex=0&pageSize=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(page.RootElement.GetProperty("count").GetInt64() >= 20);
        var items = page.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, item => Assert.False(string.IsNullOrEmpty(item.GetProperty("name").GetString())));
    }

    [Fact]
    public async Task AnUnknownProductIsAProblemDetails404ThroughTheGateway()
    {
        using var client = fixture.App.CreateHttpClient("gateway");

        using var response = await client.GetAsync("/api/catalog/items/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

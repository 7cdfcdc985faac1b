using System.Net;
using System.Text.Json;

namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class GatewayTests(AppHostFixture fixture)
{
    [Fact]
    public async Task GatewayServesTheSeededCatalogThroughServiceDiscovery()
    {
        using var client = fixture.App.CreateHttpClient("gateway");

        using var response = await client.GetAsync("/api/catalog/items?pageSize=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(22, page.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(5, page.RootElement.GetProperty("data").GetArrayLength());
    }
}

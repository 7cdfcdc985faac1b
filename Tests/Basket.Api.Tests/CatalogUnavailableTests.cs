using System.Net;

namespace Basket.Api.Tests;

// The catalog is down: a basket write cannot check its products, which is the service's trouble (503), not the
// client's and not a crash (500); reading and deleting do not need the catalog.
[Collection(BasketCollection.Name)]
public sealed class CatalogUnavailableTests(BasketFixture fixture)
{
    // Nothing listens on port 1: every connection is refused, and every retry of the resilience handler too.
    const string DeadCatalog = "http://127.0.0.1:1";

    [Fact]
    public async Task A_write_while_the_catalog_is_unreachable_is_service_unavailable_and_changes_nothing()
    {
        await using var app = new BasketApiFactory(fixture.Redis.ConnectionString, DeadCatalog);
        var userId = BasketFixture.NewUserId();
        using (var healthy = fixture.ClientFor(userId))
        {
            (await healthy.PutBasketAsync((1, 1))).Dispose();
        }
        using var client = app.CreateClientFor(userId);

        using var response = await client.PutBasketAsync((2, 1));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var problem = await response.ReadProblemAsync();
        Assert.Equal("Catalog unavailable", problem.RootElement.GetProperty("title").GetString());
        using var read = await client.GetAsync("/api/basket");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal([(1, 1)], await read.ReadItemsAsync());
        using var delete = await client.DeleteAsync("/api/basket");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Theory]
    [InlineData(500, """{"title":"boom"}""")]
    [InlineData(200, "null")]
    [InlineData(200, "{\"not\":\"a list\"}")]
    public async Task A_catalog_that_answers_with_an_error_or_nonsense_is_service_unavailable(int statusCode, string json)
    {
        await using var catalog = await StubCatalog.StartAnsweringAsync(statusCode, json);
        await using var app = new BasketApiFactory(fixture.Redis.ConnectionString, catalog.Url);
        using var client = app.CreateClientFor(BasketFixture.NewUserId());

        using var response = await client.PutBasketAsync((1, 1));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        (await response.ReadProblemAsync()).Dispose();
    }
}

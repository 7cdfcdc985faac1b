using System.Net;
using Ordering.Api.Tests.Infrastructure;

namespace Ordering.Api.Tests;

/// <summary>Every client mistake at checkout is a 4xx problem, never a 5xx, and creates no order.</summary>
[Collection(OrderingCollection.Name)]
public sealed class CheckoutBadInputTests(OrderingFixture fixture)
{
    [Theory]
    [InlineData("""{"items":[{"productId":1,"quantity":2}""", "malformed JSON")]
    [InlineData("""not json""", "not JSON at all")]
    [InlineData("""{"items":[{"productId":"1","quantity":2}]}""", "a number as a string")]
    [InlineData("""{"items":[{"productId":1,"quantity":2.5}]}""", "a fractional quantity")]
    [InlineData("""{"items":[{"productId":1,"quantity":99999999999}]}""", "a quantity beyond int")]
    [InlineData("""{"items":"all of them"}""", "items not an array")]
    [InlineData("""{"items":[[1,2]]}""", "an item not an object")]
    [InlineData("""{"items":[{"productId":1,"quantity":0}]}""", "quantity zero")]
    [InlineData("""{"items":[{"productId":1,"quantity":-3}]}""", "negative quantity")]
    [InlineData("""{"items":[{"productId":1,"quantity":1000000}]}""", "absurd quantity")]
    [InlineData("""{"items":[{"productId":1,"quantity":600},{"productId":1,"quantity":600}]}""", "quantities adding up past the limit")]
    [InlineData("""{"items":[{"productId":0,"quantity":1}]}""", "product id zero")]
    [InlineData("""{"items":[null]}""", "a null item")]
    [InlineData("""{"items":[]}""", "no items")]
    [InlineData("""{}""", "no items property")]
    [InlineData("""null""", "a JSON null (only an empty body means the basket)")]
    public async Task IsA400Problem(string body, string why)
    {
        var user = $"bad-input-{Guid.NewGuid()}";
        using var client = fixture.ClientFor(user);

        using var response = await client.CheckoutAsync(body);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(await NoOrdersAsync(client), why);
    }

    [Fact]
    public async Task UnknownProductsAreA400NamingThem()
    {
        using var client = fixture.ClientFor($"unknown-{Guid.NewGuid()}");

        using var response = await client.CheckoutAsync(OrderingHttp.Items((1, 1), (9001, 1), (9002, 2)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("9001, 9002", problem.GetProperty("detail").GetString());
        Assert.Equal([9001, 9002], problem.GetProperty("unknownProductIds").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task AnEmptyBasketIsA400()
    {
        using var client = fixture.ClientFor($"empty-basket-{Guid.NewGuid()}");

        using var response = await client.CheckoutAsync(null);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("empty", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnUnreachableBasketIsA503()
    {
        using var client = fixture.ClientFor(StubServices.BasketDownUser);

        using var response = await client.CheckoutAsync(null);

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task WithoutTheGatewaysUserItIsA401Problem()
    {
        using var client = fixture.App.CreateClient();

        await (await client.CheckoutAsync(OrderingHttp.Items((1, 1)))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/orders")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnOverlongIdempotencyKeyIsA400()
    {
        using var client = fixture.ClientFor($"long-key-{Guid.NewGuid()}");

        using var response = await client.CheckoutAsync(OrderingHttp.Items((1, 1)), new string('k', 201));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    static async Task<bool> NoOrdersAsync(HttpClient client) => await client.GetStringAsync("/api/orders") == "[]";
}

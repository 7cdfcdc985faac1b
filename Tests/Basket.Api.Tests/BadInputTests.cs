using System.Net;
using Basket.Api.Extensions;
using Microsoft.Extensions.Hosting;
using CloudNative.Tests.Shared;

namespace Basket.Api.Tests;

// A client's mistake is a 4xx problem, never a 5xx, and leaves the stored basket as it was.
[Collection(BasketCollection.Name)]
public sealed class BadInputTests(BasketFixture fixture)
{
    public static TheoryData<string> MalformedBodies =>
    [
        "",
        "{",
        "{not json",
        "null",
        "[]",
        "{}",
        """{"items":null}""",
        """{"items":"1"}""",
        """{"items":{"productId":1,"quantity":1}}""",
        """{"items":[{"productId":"1","quantity":1}]}""",
        """{"items":[{"productId":true,"quantity":1}]}""",
        """{"items":[{"productId":1,"quantity":1.5}]}""",
        """{"items":[{"productId":1,"quantity":"many"}]}""",
        """{"items":[{"productId":1,"quantity":99999999999}]}""",
        """{"items":[{"productId":1}]}""",
        """{"items":[{"quantity":1}]}""",
        """{"items":[{"productId":null,"quantity":1}]}""",
        """{"items":[[1,1]]}""",
    ];

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_body_that_is_not_a_basket_is_a_bad_request_problem(string body)
    {
        var userId = BasketFixture.NewUserId();
        using var client = fixture.ClientFor(userId);
        (await client.PutBasketAsync((1, 1))).Dispose();

        using var response = await client.PutRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        (await response.ReadProblemAsync()).Dispose();
        await AssertBasketIsStillAsync(client, (1, 1));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"items":[{"productId":"1","quantity":1}]}""")]
    [InlineData("""{"items":[{"productId":1}]}""")]
    public async Task A_malformed_body_is_a_bad_request_problem_in_development_too(string body)
    {
        // In Development minimal APIs throw on a body they cannot bind instead of answering 400 themselves.
        await using var app = new BasketApiFactory(fixture.Redis.ConnectionString, fixture.CatalogUrl, "Development");
        using var client = app.CreateClientFor(BasketFixture.NewUserId());

        using var response = await client.PutRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        (await response.ReadProblemAsync()).Dispose();
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_unsupported_media_type()
    {
        using var client = fixture.ClientFor(BasketFixture.NewUserId());

        using var response = await client.PutRawAsync("productId=1&quantity=1", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        (await response.ReadProblemAsync()).Dispose();
    }

    [Theory]
    [InlineData("""{"items":[{"productId":1,"quantity":0}]}""", "items[0].quantity")]
    [InlineData("""{"items":[{"productId":1,"quantity":-3}]}""", "items[0].quantity")]
    [InlineData("""{"items":[{"productId":1,"quantity":1001}]}""", "items[0].quantity")]
    [InlineData("""{"items":[{"productId":1,"quantity":2147483647}]}""", "items[0].quantity")]
    [InlineData("""{"items":[{"productId":0,"quantity":1}]}""", "items[0].productId")]
    [InlineData("""{"items":[{"productId":-1,"quantity":1}]}""", "items[0].productId")]
    [InlineData("""{"items":[{"productId":1,"quantity":1},{"productId":2,"quantity":1},{"productId":1,"quantity":2}]}""", "items[2].productId")]
    [InlineData("""{"items":[null]}""", "items[0]")]
    public async Task An_invalid_line_is_a_validation_problem_naming_it(string body, string invalidPath)
    {
        using var client = fixture.ClientFor(BasketFixture.NewUserId());

        using var response = await client.PutRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await response.ReadProblemAsync();
        Assert.Equal([invalidPath], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task More_lines_than_a_basket_holds_is_a_validation_problem()
    {
        using var client = fixture.ClientFor(BasketFixture.NewUserId());
        var lines = Enumerable.Range(1, 101).Select(id => (id, 1)).ToArray();

        using var response = await client.PutBasketAsync(lines);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await response.ReadProblemAsync();
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("items", out _));
    }

    [Fact]
    public async Task A_full_basket_of_distinct_products_is_accepted()
    {
        using var client = fixture.ClientFor(BasketFixture.NewUserId());
        var lines = Enumerable.Range(1, 100).Select(id => (id, 1000)).ToArray();

        using var response = await client.PutBasketAsync(lines);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(lines, await response.ReadItemsAsync());
    }

    [Fact]
    public async Task The_quantity_limit_comes_from_configuration()
    {
        await using var app = new BasketApiFactory(fixture.Redis.ConnectionString, fixture.CatalogUrl);
        app.Settings["Basket:MaxQuantity"] = "5";
        using var client = app.CreateClientFor(BasketFixture.NewUserId());

        using var accepted = await client.PutBasketAsync((1, 5));
        using var rejected = await client.PutBasketAsync((1, 6));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        using var problem = await rejected.ReadProblemAsync();
        Assert.Contains("between 1 and 5", problem.RootElement.GetProperty("errors").GetProperty("items[0].quantity")[0].GetString());
    }

    [Fact]
    public async Task A_basket_with_more_lines_than_one_catalog_lookup_takes_is_checked_in_several()
    {
        await using var app = new BasketApiFactory(fixture.Redis.ConnectionString, fixture.CatalogUrl);
        app.Settings["Basket:MaxLines"] = "150";
        using var client = app.CreateClientFor(BasketFixture.NewUserId());
        var lines = Enumerable.Range(1, 150).Select(id => (id, 1)).ToArray();

        using var accepted = await client.PutBasketAsync(lines);
        using var rejected = await client.PutBasketAsync([.. lines[..149], (StubCatalog.KnownProducts + 1, 1)]);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        using var problem = await rejected.ReadProblemAsync();
        Assert.Equal(["items[149].productId"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("Basket:Expiry", "00:00:00")]
    [InlineData("Basket:MaxQuantity", "0")]
    [InlineData("Basket:MaxLines", "-1")]
    public async Task An_invalid_basket_setting_stops_start_up(string key, string value)
    {
        var error = await StartUp.FailsWithAsync(builder =>
        {
            builder.AddServiceDefaults();
            builder.AddApplicationServices();
        }, new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = fixture.Redis.ConnectionString,
            [key] = value,
        });

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Products_the_catalog_does_not_know_are_a_validation_problem_naming_them()
    {
        using var client = fixture.ClientFor(BasketFixture.NewUserId());
        (await client.PutBasketAsync((1, 1))).Dispose();

        using var response = await client.PutBasketAsync((2, 1), (StubCatalog.KnownProducts + 1, 1), (3, 1), (987654, 2));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await response.ReadProblemAsync();
        Assert.Equal("Unknown products", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal($"Unknown product ids: {StubCatalog.KnownProducts + 1}, 987654.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(["items[1].productId", "items[3].productId"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await AssertBasketIsStillAsync(client, (1, 1));
    }

    static async Task AssertBasketIsStillAsync(HttpClient client, params (int ProductId, int Quantity)[] items)
    {
        using var read = await client.GetAsync("/api/basket");
        Assert.Equal(items, await read.ReadItemsAsync());
    }
}

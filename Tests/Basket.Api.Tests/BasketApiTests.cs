using System.Net;
using Basket.Api.Infrastructure;

namespace Basket.Api.Tests;

[Collection(BasketCollection.Name)]
public sealed class BasketApiTests(BasketFixture fixture)
{
    [Fact]
    public async Task A_user_without_a_basket_gets_an_empty_one()
    {
        using var client = fixture.ClientFor(BasketFixture.NewUserId());

        using var response = await client.GetAsync("/api/basket");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"items":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Put_replaces_the_whole_basket_and_returns_it()
    {
        using var client = fixture.ClientFor(BasketFixture.NewUserId());

        using var first = await client.PutBasketAsync((1, 2), (3, 1));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal([(1, 2), (3, 1)], await first.ReadItemsAsync());

        using var second = await client.PutBasketAsync((2, 5));
        Assert.Equal([(2, 5)], await second.ReadItemsAsync());

        using var read = await client.GetAsync("/api/basket");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal([(2, 5)], await read.ReadItemsAsync());
    }

    [Fact]
    public async Task Put_with_no_lines_empties_the_basket()
    {
        using var client = fixture.ClientFor(BasketFixture.NewUserId());
        (await client.PutBasketAsync((1, 1))).Dispose();

        using var response = await client.PutBasketAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var read = await client.GetAsync("/api/basket");
        Assert.Empty(await read.ReadItemsAsync());
    }

    [Fact]
    public async Task Delete_removes_the_basket()
    {
        var userId = BasketFixture.NewUserId();
        using var client = fixture.ClientFor(userId);
        (await client.PutBasketAsync((4, 1))).Dispose();

        using var response = await client.DeleteAsync("/api/basket");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await fixture.Database.KeyExistsAsync(RedisBasketRepository.KeyFor(userId)));
        using var read = await client.GetAsync("/api/basket");
        Assert.Empty(await read.ReadItemsAsync());
    }

    [Fact]
    public async Task Deleting_a_basket_that_does_not_exist_is_still_no_content()
    {
        using var client = fixture.ClientFor(BasketFixture.NewUserId());

        using var response = await client.DeleteAsync("/api/basket");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task The_basket_is_stored_under_the_users_key_with_the_configured_expiry()
    {
        var userId = BasketFixture.NewUserId();
        using var client = fixture.ClientFor(userId);

        (await client.PutBasketAsync((5, 3))).Dispose();

        var ttl = await fixture.Database.KeyTimeToLiveAsync($"basket:{userId}");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromTicks(1), TimeSpan.FromHours(1)); // Basket:Expiry in the fixture
        Assert.Equal("""{"items":[{"productId":5,"quantity":3}]}""", (string?)await fixture.Database.StringGetAsync($"basket:{userId}"));
    }

    [Fact]
    public async Task Every_write_sets_the_expiry_afresh()
    {
        var userId = BasketFixture.NewUserId();
        using var client = fixture.ClientFor(userId);
        (await client.PutBasketAsync((5, 3))).Dispose();
        // As if the basket had been left alone for all but a minute of its hour.
        await fixture.Database.KeyExpireAsync(RedisBasketRepository.KeyFor(userId), TimeSpan.FromMinutes(1));

        (await client.PutBasketAsync((5, 4))).Dispose();

        var ttl = await fixture.Database.KeyTimeToLiveAsync(RedisBasketRepository.KeyFor(userId));
        Assert.NotNull(ttl);
        Assert.True(ttl.Value > TimeSpan.FromMinutes(1), $"The expiry was not renewed: {ttl}.");
    }

    [Fact]
    public async Task Each_user_sees_only_their_own_basket()
    {
        using var alice = fixture.ClientFor(BasketFixture.NewUserId());
        using var bob = fixture.ClientFor(BasketFixture.NewUserId());

        (await alice.PutBasketAsync((1, 1))).Dispose();
        using (var bobsEmpty = await bob.GetAsync("/api/basket"))
        {
            Assert.Empty(await bobsEmpty.ReadItemsAsync());
        }

        (await bob.PutBasketAsync((2, 2))).Dispose();
        (await bob.DeleteAsync("/api/basket")).Dispose();

        using var alices = await alice.GetAsync("/api/basket");
        Assert.Equal([(1, 1)], await alices.ReadItemsAsync());
    }

    [Theory]
    [InlineData("GET", null)]
    [InlineData("PUT", """{"items":[{"productId":1,"quantity":1}]}""")]
    [InlineData("PUT", "{not json")]
    [InlineData("DELETE", null)]
    public async Task Without_the_gateways_user_header_a_request_is_unauthorized(string method, string? body)
    {
        using var client = fixture.App.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/basket");
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = await response.ReadProblemAsync();
        Assert.Contains("X-User-Id", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_blank_user_header_is_unauthorized()
    {
        using var client = fixture.ClientFor(" ");

        using var response = await client.GetAsync("/api/basket");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ordering.Api.Tests.Infrastructure;

namespace Ordering.Api.Tests;

[Collection(OrderingCollection.Name)]
public sealed class IdempotencyAndQueryTests(OrderingFixture fixture)
{
    [Fact]
    public async Task TheSameKeyTwice_GivesTheSameOrder_AndCreatesOne()
    {
        using var client = fixture.ClientFor($"idem-{Guid.NewGuid()}");
        var body = OrderingHttp.Items((5, 1));

        var first = await client.CheckoutAcceptedAsync(body, "key-1");
        // The same request spelled differently (whitespace) is the same request.
        var second = await client.CheckoutAcceptedAsync(body.Replace(",", ", "), "key-1");

        Assert.Equal(first, second);
        Assert.Single(await ListAsync(client));
    }

    [Fact]
    public async Task TheSameKeyConcurrently_CreatesOneOrder_AndLogsNoError()
    {
        using var client = fixture.ClientFor($"idem-race-{Guid.NewGuid()}");

        var ids = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.CheckoutAcceptedAsync(OrderingHttp.Items((6, 1)), "race")));

        Assert.Single(ids.Distinct());
        Assert.Single(await ListAsync(client));
        // The race is expected and answered; it is not an error (a red entry in the dashboard) of EF Core or anyone.
        Assert.DoesNotContain(fixture.App.Problems.Entries, entry => entry.Contains("IdempotencyKeys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherBody_IsA409()
    {
        using var client = fixture.ClientFor($"idem-409-{Guid.NewGuid()}");
        await client.CheckoutAcceptedAsync(OrderingHttp.Items((5, 1)), "key");

        await (await client.CheckoutAsync(OrderingHttp.Items((5, 2)), "key")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.CheckoutAsync(null, "key")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await ListAsync(client));
    }

    [Fact]
    public async Task KeysBelongToTheirUser()
    {
        using var alice = fixture.ClientFor($"alice-{Guid.NewGuid()}");
        using var bob = fixture.ClientFor($"bob-{Guid.NewGuid()}");

        var a = await alice.CheckoutAcceptedAsync(OrderingHttp.Items((5, 1)), "shared");
        var b = await bob.CheckoutAcceptedAsync(OrderingHttp.Items((5, 1)), "shared");

        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task BasketCheckout_OrdersTheBasket_EmptiesIt_AndARetryWithTheKeyStillFindsTheOrder()
    {
        var user = $"basket-{Guid.NewGuid()}";
        fixture.Stubs.SetBasket(user, (7, 2), (8, 1));
        using var client = fixture.ClientFor(user);

        var id = await client.CheckoutAcceptedAsync(null, "basket-key");

        var items = (await client.GetOrderAsync(id)).GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("productId").GetInt32(), i.GetProperty("quantity").GetInt32())).Order();
        Assert.Equal([(7, 2), (8, 1)], items);
        Assert.False(fixture.Stubs.HasBasket(user));
        Assert.Equal(id, await client.CheckoutAcceptedAsync(null, "basket-key"));
    }

    [Fact]
    public async Task Queries_ShowTheCallersOwnOrdersOnly()
    {
        using var owner = fixture.ClientFor($"owner-{Guid.NewGuid()}");
        using var stranger = fixture.ClientFor($"stranger-{Guid.NewGuid()}");
        var older = await owner.CheckoutAcceptedAsync(OrderingHttp.Items((1, 1)));
        var newer = await owner.CheckoutAcceptedAsync(OrderingHttp.Items((2, 1)));

        Assert.Equal([newer, older], (await ListAsync(owner)).Select(o => o.GetProperty("id").GetGuid()));
        Assert.Equal(newer, (await owner.GetOrderAsync(newer)).GetProperty("id").GetGuid());
        await (await stranger.GetAsync($"/api/orders/{newer}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/orders/{newer}/events")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await owner.GetAsync($"/api/orders/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await ListAsync(stranger));
    }

    [Fact]
    public async Task TheEventsAreTheOrdersHistoryInVersionOrder()
    {
        using var client = fixture.ClientFor($"history-{Guid.NewGuid()}");
        var id = await client.CheckoutAcceptedAsync(OrderingHttp.Items((9, 2)));
        await client.WaitForFinalAsync(id);

        var events = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{id}/events");

        Assert.Equal([1, 2, 3, 4], events.EnumerateArray().Select(e => e.GetProperty("version").GetInt32()));
        var submitted = events[0].GetProperty("data");
        Assert.Equal(9, submitted.GetProperty("items")[0].GetProperty("productId").GetInt32());
    }

    static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/orders")).EnumerateArray()];
}

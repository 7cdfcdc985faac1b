using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ordering.Api.Tests.Infrastructure;

/// <summary>
/// Stand-ins for the catalog and basket services on one 127.0.0.1 port, answering the calls Ordering makes
/// over real HTTP: products 1 to <see cref="KnownProducts"/> exist; each user's basket is what the test put there.
/// The user <see cref="BasketDownUser"/>'s basket answers 503.
/// </summary>
public sealed class StubServices(WebApplication app, ConcurrentDictionary<string, (int ProductId, int Quantity)[]> baskets, ConcurrentQueue<int[]> catalogLookups)
    : IAsyncDisposable
{
    public const int KnownProducts = 200;

    public const string BasketDownUser = "basket-down";

    public string Url { get; } = app.Urls.Single();

    public void SetBasket(string userId, params (int ProductId, int Quantity)[] items) => baskets[userId] = items;

    public bool HasBasket(string userId) => baskets.ContainsKey(userId);

    /// <summary>The ids of every catalog lookup Ordering made, in order.</summary>
    public IReadOnlyCollection<int[]> CatalogLookups => catalogLookups;

    public static async Task<StubServices> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var baskets = new ConcurrentDictionary<string, (int ProductId, int Quantity)[]>();
        var catalogLookups = new ConcurrentQueue<int[]>();

        app.MapGet("/api/catalog/items/by", (int[] ids) =>
        {
            catalogLookups.Enqueue(ids);
            return Results.Json(ids.Where(id => id is >= 1 and <= KnownProducts).Distinct().Order()
                .Select(id => new Dictionary<string, object> { ["id"] = id, ["name"] = $"Product {id}", ["price"] = 1.5m * id }));
        });
        app.MapGet("/api/basket", (HttpRequest request) => request.Headers["X-User-Id"].ToString() is var user && user == BasketDownUser
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Json(new { items = baskets.GetValueOrDefault(user, []).Select(i => new { productId = i.ProductId, quantity = i.Quantity }) }));
        app.MapDelete("/api/basket", (HttpRequest request) =>
        {
            baskets.TryRemove(request.Headers["X-User-Id"].ToString(), out _);
            return Results.NoContent();
        });

        await app.StartAsync();
        return new StubServices(app, baskets, catalogLookups);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

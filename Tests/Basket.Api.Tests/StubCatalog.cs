using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Basket.Api.Tests;

// A stand-in for the catalog service on 127.0.0.1 (port chosen by the OS). By default it knows products 1 to
// KnownProducts and answers GET /api/catalog/items/by like the real one: the items among the ids that exist, in id order.
sealed class StubCatalog(WebApplication app) : IAsyncDisposable
{
    public const int KnownProducts = 200;

    public string Url { get; } = app.Urls.Single();

    public static Task<StubCatalog> StartAsync() =>
        StartAsync(app => app.MapGet("/api/catalog/items/by", (int[] ids) => ids.Length is 0 or > 100
            ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Give 1 to 100 ids")
            : Results.Json(ids.Where(id => id is >= 1 and <= KnownProducts).Distinct().Order()
                .Select(id => new Dictionary<string, object> { ["id"] = id, ["name"] = $"Product {id}", ["price"] = 9.99m }))));

    // A catalog that is up but gives this answer to every request.
    public static Task<StubCatalog> StartAnsweringAsync(int statusCode, string json) =>
        StartAsync(app => app.Run(context =>
        {
            context.Response.StatusCode = statusCode;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json);
        }));

    static async Task<StubCatalog> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new StubCatalog(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Gateway.Api.Tests;

// A stand-in for the catalog service on 127.0.0.1, port chosen by the OS.
sealed class StubCatalog(WebApplication app) : IAsyncDisposable
{
    public string Url { get; } = app.Urls.Single();

    public static async Task<StubCatalog> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        app.MapGet("/api/catalog/items", (HttpRequest request) => Results.Json(new Dictionary<string, string>
        {
            ["path"] = request.Path.Value!,
            ["query"] = request.QueryString.Value!,
            ["replica"] = app.Urls.Single(),
        }));
        app.MapGet("/api/catalog/items/{id:int}", (int id) =>
            Results.Problem(statusCode: 404, title: "Catalog item not found", detail: $"No catalog item has id {id}."));

        // Like the real catalog: a JSON body bound by minimal APIs, so broken JSON is the backend's 400.
        app.MapPost("/api/catalog/items", (JsonElement item) => Results.Created("/api/catalog/items/1", item));

        // Every method, reads the whole body: what arrived after the gateway.
        app.Map("/api/catalog/echo", async (HttpRequest request) =>
        {
            var length = 0L;
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                length += read;
            }
            return Results.Json(new { method = request.Method, length });
        });

        // The headers that arrived after the gateway, for any service's path: also the stand-in for services that do
        // not exist yet (a test routes /api/orders here).
        app.Map("/api/{service}/headers", (HttpRequest request) =>
            Results.Json(request.Headers.ToDictionary(header => header.Key, header => header.Value.ToArray(), StringComparer.OrdinalIgnoreCase)));

        // Never answers until the gateway gives up (a hung backend, for the timeout mapping).
        app.MapGet("/api/catalog/hang", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
            return Results.Ok();
        });

        await app.StartAsync();
        return new StubCatalog(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Gateway.Api.Tests;

// A stand-in for the catalog service on 127.0.0.1, port chosen by the OS.
sealed class StubCatalog(WebApplication app, StubCatalog.State state) : IAsyncDisposable
{
    public sealed class State
    {
        public ConcurrentDictionary<string, int> Hits { get; } = new();

        public volatile bool Failing = true;
    }

    public string Url { get; } = app.Urls.Single();

    // How many requests for path arrived (every method).
    public int Hits(string path) => state.Hits.GetValueOrDefault(path);

    // Whether /api/catalog/failing answers 503 (true) or 200.
    public bool Failing { set => state.Failing = value; }

    // errorRate > 0: a catalog that fails that share of its requests, through the services' own fault injection.
    public static async Task<StubCatalog> StartAsync(double errorRate = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (errorRate > 0)
        {
            builder.Configuration["Faults:ErrorRate"] = errorRate.ToString(CultureInfo.InvariantCulture);
            builder.AddFaultInjection();
        }
        var app = builder.Build();
        var state = new State();

        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            state.Hits.AddOrUpdate(context.Request.Path.Value!, 1, (_, hits) => hits + 1);
            await next(context);
        });

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

        // Every method: 503 while Failing (a backend that is down behind a live socket), else 200.
        app.Map("/api/catalog/failing", () => state.Failing ? Results.StatusCode(503) : Results.Ok());

        // Every method: 503 with Retry-After, always (a healthy backend shedding load, as Ordering's admission control).
        app.Map("/api/catalog/shedding", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "1";
            return Results.Problem(statusCode: 503, title: "Too many orders in progress");
        });

        // Every method: 503 on the first request, 200 from then on (a transient failure).
        app.Map("/api/catalog/flaky", (HttpRequest request) =>
            state.Hits.GetValueOrDefault(request.Path.Value!) == 1 ? Results.StatusCode(503) : Results.Ok());

        await app.StartAsync();
        return new StubCatalog(app, state);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

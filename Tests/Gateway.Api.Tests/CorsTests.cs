using System.Net;

namespace Gateway.Api.Tests;

// CORS from "Gateway:Cors:AllowedOrigins", on every route: the gateway answers preflights itself (no backend call),
// allowing listed origins only, and exposes the rate-limit headers to browser code.
public class CorsTests
{
    const string Allowed = "https://shop.example";

    static HttpRequestMessage Preflight(string origin) => new(HttpMethod.Options, "/api/catalog/items")
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "PUT" },
            { "Access-Control-Request-Headers", "authorization, content-type" },
        },
    };

    [Fact]
    public async Task Allows_a_preflight_from_a_configured_origin_without_calling_the_backend()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        gateway.Settings["Gateway:Cors:AllowedOrigins:0"] = Allowed;
        var client = gateway.CreateClient();

        var response = await client.SendAsync(Preflight(Allowed));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, RateLimitTests.Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("PUT", RateLimitTests.Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal(0, backend.Hits("/api/catalog/items"));
    }

    [Fact]
    public async Task Denies_a_preflight_from_any_other_origin()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        gateway.Settings["Gateway:Cors:AllowedOrigins:0"] = Allowed;
        var client = gateway.CreateClient();

        var response = await client.SendAsync(Preflight("https://evil.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(0, backend.Hits("/api/catalog/items"));
    }

    [Fact]
    public async Task Lets_an_allowed_origin_read_the_rate_limit_headers()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        gateway.Settings["Gateway:Cors:AllowedOrigins:0"] = Allowed;
        var client = gateway.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/catalog/items") { Headers = { { "Origin", Allowed } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, RateLimitTests.Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("RateLimit-Remaining", RateLimitTests.Header(response, "Access-Control-Expose-Headers"));
    }
}

using System.Net;
using System.Text.Json;

namespace Gateway.Api.Tests;

// Runs the real gateway Program in-process, pointed through service discovery (services:catalog:http:N,
// exactly as the AppHost injects it) at stand-in catalog replicas on real loopback sockets.
public class GatewayForwardingTests
{
    [Fact]
    public async Task Forwards_catalog_requests_to_the_discovered_backend()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/catalog/items?pageIndex=1&pageSize=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("/api/catalog/items", body.RootElement.GetProperty("path").GetString());
        Assert.Equal("?pageIndex=1&pageSize=5", body.RootElement.GetProperty("query").GetString());
    }

    [Fact]
    public async Task Passes_backend_errors_through_unchanged()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/catalog/items/999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No catalog item has id 999.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Spreads_requests_over_every_discovered_replica()
    {
        await using var first = await StubCatalog.StartAsync();
        await using var second = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(first.Url, second.Url);
        var client = gateway.CreateClient();

        List<string?> replicas = [];
        for (var i = 0; i < 2; i++)
        {
            using var body = JsonDocument.Parse(await client.GetStringAsync("/api/catalog/items"));
            replicas.Add(body.RootElement.GetProperty("replica").GetString());
        }

        Assert.Equal(new[] { first.Url, second.Url }.Order(), replicas.Order());
    }

    [Fact]
    public async Task Answers_a_down_backend_with_a_502_problem()
    {
        using var down = new RefusedPort();
        await using var gateway = new GatewayFactory(down.Url);
        var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/catalog/items");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(502, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Bad Gateway", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("catalog", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Serves_health_without_a_backend()
    {
        using var down = new RefusedPort();
        await using var gateway = new GatewayFactory(down.Url);
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task Unknown_routes_are_a_404_problem()
    {
        using var down = new RefusedPort();
        await using var gateway = new GatewayFactory(down.Url);
        var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/unknown");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

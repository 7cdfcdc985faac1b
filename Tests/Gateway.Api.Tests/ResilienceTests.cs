using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Api.Tests;

// Per route: a timeout answered with a 504 problem; retries of failed idempotent requests without a body, never of a
// POST; a circuit breaker per destination that answers 503 problems with Retry-After while open and closes again
// once a trial request succeeds. Reads go through catalog-read (anonymous), writes through catalog-write (admin).
public class ResilienceTests
{
    [Fact]
    public async Task Answers_a_backend_slower_than_the_routes_timeout_with_a_504_problem()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        gateway.Settings["ReverseProxy:Routes:catalog-read:Timeout"] = "00:00:00.2";
        var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/catalog/hang");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(504, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("catalog service did not answer within this route's timeout of 0.2 s", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Retries_an_idempotent_request_after_a_transient_failure(string method)
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        var client = gateway.CreateAdminClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/catalog/flaky"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, backend.Hits("/api/catalog/flaky"));
    }

    [Theory]
    [InlineData("POST", null)]
    [InlineData("PATCH", null)]
    [InlineData("POST", "{}")]
    [InlineData("PUT", "{}")] // idempotent, but its body was streamed to the backend and cannot be sent again
    public async Task Does_not_retry_a_request_that_may_not_or_cannot_be_repeated(string method, string? body)
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        var client = gateway.CreateAdminClient();

        var request = new HttpRequestMessage(new HttpMethod(method), "/api/catalog/flaky");
        if (body is not null)
        {
            request.Content = new StringContent(body);
        }
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, backend.Hits("/api/catalog/flaky"));
    }

    [Fact]
    public async Task Gives_up_after_the_routes_retries()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        gateway.Settings["Gateway:Routes:catalog-read:Retry:MaxRetries"] = "3";
        gateway.Settings["Gateway:Routes:catalog-read:Retry:Delay"] = "00:00:00";
        var client = gateway.CreateClient();

        var response = await client.GetAsync("/api/catalog/failing");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, backend.Hits("/api/catalog/failing"));
    }

    [Fact]
    public async Task Opens_the_circuit_after_failures_answers_503_while_open_and_closes_after_a_successful_trial()
    {
        var clock = new FakeTimeProvider();
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url).WithServices(services => services.AddSingleton<TimeProvider>(clock));
        OpenAfterThreeFailures(gateway);
        var client = gateway.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/api/catalog/failing")).StatusCode);
        }
        var open = await client.GetAsync("/api/catalog/failing");
        var stillOpen = await client.GetAsync("/api/catalog/items");

        // Open: answered by the gateway, without calling the backend, on every path of the route.
        Assert.Equal(3, backend.Hits("/api/catalog/failing"));
        Assert.Equal(0, backend.Hits("/api/catalog/items"));
        foreach (var response in new[] { open, stillOpen })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.InRange(int.Parse(RateLimitTests.Header(response, "Retry-After")), 1, 30);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("open", problem.RootElement.GetProperty("circuit").GetString());
        }

        // The backend recovers; once the break is over, a trial request gets through and closes the circuit.
        backend.Failing = false;
        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalog/failing")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalog/items")).StatusCode);
        Assert.Equal(4, backend.Hits("/api/catalog/failing"));
    }

    [Fact]
    public async Task A_backend_shedding_load_with_Retry_After_does_not_open_the_circuit()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = new GatewayFactory(backend.Url);
        OpenAfterThreeFailures(gateway);
        var client = gateway.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/api/catalog/shedding");
            // The backend's own answer, passed through: its title and Retry-After, not the gateway's open circuit.
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("1", RateLimitTests.Header(response, "Retry-After"));
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Too many orders in progress", problem.RootElement.GetProperty("title").GetString());
        }

        Assert.Equal(6, backend.Hits("/api/catalog/shedding"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/catalog/items")).StatusCode);
    }

    // catalog-read without retries, its circuit opening for 30 s once three requests in a row have failed.
    private static void OpenAfterThreeFailures(GatewayFactory gateway)
    {
        gateway.Settings["Gateway:Routes:catalog-read:Retry:MaxRetries"] = "0";
        gateway.Settings["Gateway:Routes:catalog-read:CircuitBreaker:FailureRatio"] = "1";
        gateway.Settings["Gateway:Routes:catalog-read:CircuitBreaker:MinimumThroughput"] = "3";
        gateway.Settings["Gateway:Routes:catalog-read:CircuitBreaker:BreakDuration"] = "00:00:30";
    }
}

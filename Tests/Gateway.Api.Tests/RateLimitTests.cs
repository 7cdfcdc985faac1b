using System.Net;
using System.Text.Json;

namespace Gateway.Api.Tests;

// Token buckets per client and route: a client gets its burst at once, then is refused with a 429 problem carrying
// Retry-After and RateLimit-* headers, while other clients (another IP, another user) keep their own buckets.
// Limits are low and refill at 1/s, so a flood of a few dozen requests runs its bucket dry however slow the machine.
public class RateLimitTests
{
    const string Path = "/api/catalog/items";
    const int Burst = 5;

    static GatewayFactory Limited(StubCatalog backend, GatewayFactory? factory = null)
    {
        factory ??= new GatewayFactory(backend.Url);
        factory.Settings["Gateway:RouteDefaults:RateLimit:Anonymous:PermitsPerSecond"] = "1";
        factory.Settings["Gateway:RouteDefaults:RateLimit:Anonymous:Burst"] = "50";
        // The route's own limit wins over the defaults (GETs of the catalog go through catalog-read).
        factory.Settings["Gateway:Routes:catalog-read:RateLimit:Anonymous:Burst"] = Burst.ToString();
        factory.Settings["Gateway:Routes:catalog-read:RateLimit:Authenticated:PermitsPerSecond"] = "1";
        factory.Settings["Gateway:Routes:catalog-read:RateLimit:Authenticated:Burst"] = (2 * Burst).ToString();
        return factory;
    }

    [Fact]
    public async Task Refuses_a_client_past_its_burst_with_a_429_problem_and_rate_limit_headers()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = Limited(backend);
        var client = gateway.CreateClient();

        var first = await client.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(Burst.ToString(), Header(first, "RateLimit-Limit"));
        Assert.InRange(int.Parse(Header(first, "RateLimit-Remaining")), 0, Burst - 1);

        var (passed, refusal) = await Flood.UntilRefusedAsync(client, Path, max: 40);

        Assert.NotNull(refusal);
        Assert.InRange(passed + 1, Burst, 40); // the whole burst passed, then the bucket ran dry
        Assert.Equal("application/problem+json", refusal.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(Header(refusal, "Retry-After")), 1, 60);
        Assert.Equal(Burst.ToString(), Header(refusal, "RateLimit-Limit"));
        Assert.Equal("0", Header(refusal, "RateLimit-Remaining"));
        Assert.InRange(int.Parse(Header(refusal, "RateLimit-Reset")), 1, 60);
        using var problem = JsonDocument.Parse(await refusal.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(passed + 1, backend.Hits(Path)); // refused requests never reached the backend
    }

    [Fact]
    public async Task Counts_a_signed_in_user_by_its_id_with_the_authenticated_limit()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = Limited(backend).WithServices(TestUser.Register);
        var client = gateway.CreateClient();

        var (alicePassed, aliceRefused) = await Flood.UntilRefusedAsync(client, Path, max: 60, configure: As("alice"));

        Assert.NotNull(aliceRefused);
        Assert.InRange(alicePassed, 2 * Burst, 60);
        Assert.Equal((2 * Burst).ToString(), Header(aliceRefused, "RateLimit-Limit"));

        // Same connection and address, other identities: their own buckets.
        var (bobPassed, _) = await Flood.UntilRefusedAsync(client, Path, max: 2 * Burst, configure: As("bob"));
        var (anonymousPassed, _) = await Flood.UntilRefusedAsync(client, Path, max: Burst);
        Assert.Equal(2 * Burst, bobPassed);
        Assert.Equal(Burst, anonymousPassed);
    }

    [Fact]
    public async Task Counts_a_user_whose_subject_claim_was_mapped_to_name_identifier_by_its_id()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = Limited(backend).WithServices(TestUser.Register);
        var client = gateway.CreateClient();

        var (passed, refusal) = await Flood.UntilRefusedAsync(client, Path, max: 60,
            configure: (request, _) => request.Headers.Add(TestUser.MappedHeader, "carol"));
        var (anonymousPassed, _) = await Flood.UntilRefusedAsync(client, Path, max: Burst);

        Assert.NotNull(refusal);
        Assert.InRange(passed, 2 * Burst, 60);
        Assert.Equal((2 * Burst).ToString(), Header(refusal, "RateLimit-Limit"));
        Assert.Equal(Burst, anonymousPassed);
    }

    [Fact]
    public async Task Counts_anonymous_clients_by_their_ip_address()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = Limited(backend, GatewayFactory.OnKestrel(backend.Url));
        var address = new Uri($"http://127.0.0.1:{gateway.Port}");
        using var flooder = LoopbackClient.From("127.0.0.1", address);
        using var neighbour = LoopbackClient.From("127.0.0.2", address);

        // Each request claims another origin in X-Forwarded-For: with no trusted proxy configured, that buys no fresh bucket.
        var (_, refusal) = await Flood.UntilRefusedAsync(flooder, Path, max: 40,
            configure: (request, i) => request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}"));
        var neighbourResponse = await neighbour.GetAsync(Path);

        Assert.NotNull(refusal);
        Assert.Equal(HttpStatusCode.OK, neighbourResponse.StatusCode);
    }

    [Fact]
    public async Task Does_not_limit_health_probes()
    {
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = Limited(backend);
        var client = gateway.CreateClient();

        var (_, refusal) = await Flood.UntilRefusedAsync(client, Path, max: 40);

        Assert.NotNull(refusal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    static Action<HttpRequestMessage, int> As(string user) => (request, _) => request.Headers.Add(TestUser.Header, user);

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"no {name} header");
}

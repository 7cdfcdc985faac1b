using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Api.Redis;
using Gateway.Api.Rollouts;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Api.Tests;

// A gateway replica with the catalog rollout: stable and canary stand-ins, a real Redis, and one-second windows.
sealed class RolloutGateway(GatewayFactory factory) : IAsyncDisposable
{
    public const string Rollout = "catalog";
    public const string Path = "/api/catalog/items";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public GatewayFactory Factory => factory;

    public static async Task<RolloutGateway> StartAsync(StubCatalog stable, StubCatalog canary, string redis, int minimumRequests = 10)
    {
        var factory = new GatewayFactory(stable.Url);
        factory.Settings["services:catalog-canary:http:0"] = canary.Url;
        factory.Settings["ConnectionStrings:cache"] = redis;
        factory.Settings["Gateway:Rollouts:Window"] = "00:00:01";
        factory.Settings["Gateway:Rollouts:MinimumRequests"] = minimumRequests.ToString();
        // The tests judge the canary by its errors; the latency of two stand-ins on a busy machine is noise.
        factory.Settings["Gateway:Rollouts:MinLatencyIncrease"] = "00:00:10";
        var gateway = new RolloutGateway(factory);
        Assert.True(await factory.Services.GetRequiredService<GatewayRedis>().ConnectAsync());
        return gateway;
    }

    public HttpClient Admin()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestIdentity.Shared.AdminToken());
        return client;
    }

    public async Task<RolloutState> StateAsync()
    {
        using var admin = Admin();
        return (await admin.GetFromJsonAsync<RolloutState>($"/admin/rollouts/{Rollout}", Json))!;
    }

    public async Task<RolloutState> SetWeightAsync(int weight, bool analysis = true)
    {
        using var admin = Admin();
        using var response = await admin.PutAsJsonAsync($"/admin/rollouts/{Rollout}", new { weight, analysis });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RolloutState>(Json))!;
    }

    // Which cluster served one catalog read by the user (or anonymously).
    public async Task<(HttpStatusCode Status, string ServedBy)> ReadAsync(string? user)
    {
        using var client = factory.CreateClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(user));
        }
        using var response = await client.GetAsync(Path);
        return (response.StatusCode, response.Headers.GetValues(CanaryRouting.ServedByHeader).Single());
    }

    // One request per user, all at once, then whether the rollout has reached the state. Concurrent, so that a drive's
    // requests fall within one one-second analysis window even on a busy machine: sent one after another they can
    // spread over several windows, none with the minimum of requests on each side, and the rollout then waits on
    // inconclusive windows (a rollback test timed out so in a CI run).
    public async Task<bool> DriveUntilAsync(IEnumerable<string> users, Func<RolloutState, bool> reached)
    {
        await Task.WhenAll(users.Select(ReadAsync));
        return reached(await StateAsync());
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    // Signing a token costs an RSA signature; each user's is made once.
    static class Tokens
    {
        static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Issued = new();

        public static string For(string user) => Issued.GetOrAdd(user, subject => TestIdentity.Shared.CustomerToken(subject));
    }
}

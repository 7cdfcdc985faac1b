using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Api.Tests;

namespace CloudNative.IntegrationTests;

// The gateway's catalog rollout, driven as an admin would (the admin API through the public entry) while many
// anonymous clients read the catalog: each from its own loopback address straight to a gateway replica (through
// Aspire's proxy they would all be one address, so one side of the split), spread over both replicas.
internal sealed class CatalogRollout(HttpClient admin, IReadOnlyList<HttpClient> clients) : IAsyncDisposable
{
    const string Path = "/api/catalog/items?pageSize=1";
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    public HashSet<string> ServedBy { get; } = [];

    public HashSet<HttpStatusCode> Statuses { get; } = [];

    // 100 clients, 127.0.0.20 to 127.0.0.119: enough that a 10 % weight gives the canary some of them.
    public static async Task<CatalogRollout> StartAsync(AppHostFixture fixture)
    {
        var replicas = await GatewayReplicas.DirectAddressesAsync(fixture.App, count: 2);
        var admin = fixture.App.CreateHttpClient("gateway");
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await fixture.App.TokenAsync(admin, DemoUsers.Admin, DemoUsers.AdminPassword));
        await WarmUpAsync(fixture);
        var clients = Enumerable.Range(20, 100).Select(i => LoopbackClient.From($"127.0.0.{i}", replicas[i % replicas.Count])).ToList();
        return new CatalogRollout(admin, clients);
    }

    // A new deployment's first requests are slow (JIT, empty connection pools), which the analysis would rightly see as
    // a latency regression of the canary against the long-running catalog: like a release, it is warmed before it
    // takes traffic.
    static async Task WarmUpAsync(AppHostFixture fixture)
    {
        using var canary = fixture.App.CreateHttpClient("catalog-canary");
        for (var i = 0; i < 20; i++)
        {
            using var response = await canary.GetAsync(Path);
        }
    }

    public async Task<JsonElement> SetWeightAsync(int weight)
    {
        using var response = await admin.PutAsJsonAsync("/admin/rollouts/catalog", new { weight });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task RollBackAsync()
    {
        using var response = await admin.PostAsync("/admin/rollouts/catalog/rollback", null);
        response.EnsureSuccessStatusCode();
    }

    // Every client reads the catalog (all at once, a round), until the rollout leaves Progressing; its final state.
    public async Task<JsonElement> DriveUntilDecidedAsync()
    {
        JsonElement state = default;
        await Until.TrueAsync(async () =>
        {
            await Task.WhenAll(clients.Select(ReadAsync));
            using var response = await admin.GetAsync("/admin/rollouts/catalog");
            response.EnsureSuccessStatusCode();
            state = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            return state.GetProperty("status").GetString() != "Progressing";
        }, Bound);
        return state;
    }

    async Task ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Path);
        lock (ServedBy)
        {
            Statuses.Add(response.StatusCode);
            if (response.Headers.TryGetValues("X-Served-By", out var servedBy))
            {
                ServedBy.Add(servedBy.Single());
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        admin.Dispose();
        foreach (var client in clients)
        {
            client.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}

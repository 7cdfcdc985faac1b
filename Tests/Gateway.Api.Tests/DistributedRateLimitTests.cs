using System.Net;
using Gateway.Api.Redis;
using Microsoft.Extensions.DependencyInjection;
using CloudNative.Tests.Shared;

namespace Gateway.Api.Tests;

// Gateway replicas share each client's bucket through Redis (a throwaway redis-server here), and keep serving, with
// limits of their own, while Redis is unreachable.
public class DistributedRateLimitTests
{
    const string Path = "/api/catalog/items";
    const int Burst = 20;

    static GatewayFactory Replica(StubCatalog backend, string redis)
    {
        var factory = new GatewayFactory(backend.Url);
        factory.Settings["ConnectionStrings:cache"] = redis;
        factory.Settings["Gateway:RouteDefaults:RateLimit:Anonymous:PermitsPerSecond"] = "1";
        factory.Settings["Gateway:RouteDefaults:RateLimit:Anonymous:Burst"] = Burst.ToString();
        return factory;
    }

    static Task<bool> ConnectedAsync(GatewayFactory replica) =>
        replica.Services.GetRequiredService<GatewayRedis>().ConnectAsync();

    [Fact]
    public async Task Two_replicas_share_a_clients_bucket()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await StubCatalog.StartAsync();
        await using var first = Replica(backend, redis.ConnectionString);
        await using var second = Replica(backend, redis.ConnectionString);
        Assert.True(await ConnectedAsync(first));
        Assert.True(await ConnectedAsync(second));

        var (firstPassed, firstRefusal) = await Flood.UntilRefusedAsync(first.CreateClient(), Path, max: 3 * Burst);
        var (secondPassed, secondRefusal) = await Flood.UntilRefusedAsync(second.CreateClient(), Path, max: 3 * Burst);

        // The first replica spent the bucket; the second finds it spent (but for what refilled in between), where a
        // bucket of its own would have let the whole burst through.
        Assert.NotNull(firstRefusal);
        Assert.InRange(firstPassed, Burst, 3 * Burst);
        Assert.NotNull(secondRefusal);
        Assert.InRange(secondPassed, 0, Burst - 1);
    }

    [Fact]
    public async Task A_busy_client_takes_its_tokens_from_redis_a_lease_at_a_time()
    {
        const int requests = 200;
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = Replica(backend, redis.ConnectionString);
        gateway.Settings["Gateway:RouteDefaults:RateLimit:Anonymous:Burst"] = "1000";
        Assert.True(await ConnectedAsync(gateway));

        var (passed, refusal) = await Flood.UntilRefusedAsync(gateway.CreateClient(), Path, max: requests);

        // Leases double while the client uses them up (1, 2, 4 … tokens, up to a tenth of the bucket): a handful of
        // scripts for the whole flood, where a token per request would have been one each.
        Assert.Null(refusal);
        Assert.Equal(requests, passed);
        var scripts = await redis.CallsAsync("evalsha") + await redis.CallsAsync("eval");
        Assert.InRange(scripts, 1, requests / 4);
    }

    [Fact]
    public async Task Keeps_serving_with_local_limits_while_redis_is_down_and_shares_again_once_it_is_back()
    {
        var redis = await RedisServer.StartAsync();
        var port = redis.Port;
        await using var backend = await StubCatalog.StartAsync();
        await using var first = Replica(backend, redis.ConnectionString);
        await using var second = Replica(backend, redis.ConnectionString);
        Assert.True(await ConnectedAsync(first));
        Assert.True(await ConnectedAsync(second));
        await redis.DisposeAsync();

        // Each replica now limits on its own: both let the client's whole burst through, then refuse it.
        var (firstPassed, firstRefusal) = await Flood.UntilRefusedAsync(first.CreateClient(), Path, max: 3 * Burst);
        var (secondPassed, secondRefusal) = await Flood.UntilRefusedAsync(second.CreateClient(), Path, max: 3 * Burst);
        Assert.NotNull(firstRefusal);
        Assert.InRange(firstPassed, Burst, 3 * Burst);
        Assert.NotNull(secondRefusal);
        Assert.InRange(secondPassed, Burst, 3 * Burst);

        // Redis back: the replicas reconnect and, once their breaker lets a trial through, count in Redis again.
        await using var restarted = await RedisServer.StartAsync(port: port);
        await Until.TrueAsync(async () =>
        {
            await first.CreateClient().GetAsync(Path);
            return await restarted.KeyCountAsync() > 0;
        }, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Serves_with_local_limits_when_redis_was_never_reachable()
    {
        using var nothing = new RefusedPort();
        await using var backend = await StubCatalog.StartAsync();
        await using var gateway = Replica(backend, new Uri(nothing.Url).Authority);
        Assert.False(await ConnectedAsync(gateway));

        var (passed, refusal) = await Flood.UntilRefusedAsync(gateway.CreateClient(), Path, max: 3 * Burst);

        Assert.NotNull(refusal);
        Assert.InRange(passed, Burst, 3 * Burst);
        Assert.Equal(HttpStatusCode.OK, (await gateway.CreateClient().GetAsync("/health")).StatusCode);
    }
}

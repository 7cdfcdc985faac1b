using System.Net;
using Gateway.Api.Tests;
using StackExchange.Redis;

namespace CloudNative.IntegrationTests;

// A bounded flood from one client is refused with 429s while another client is still served. The clients are two
// loopback addresses talking to the replicas directly (through the proxy they would be one address); the flood goes
// to one replica, the other client to the other, and the flooded bucket lives in the AppHost's Redis.
[Collection(AppHostCollection.Name)]
public sealed class GatewayRateLimitTests(AppHostFixture fixture)
{
    const string Path = "/api/catalog/items?pageSize=1";
    const int MaxFlood = 2000;
    const int Concurrency = 8;

    [Fact]
    public async Task A_flooding_client_gets_429s_while_another_client_is_served()
    {
        var replicas = await GatewayReplicas.DirectAddressesAsync(fixture.App, count: 2);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await fixture.ConnectionStringAsync("cache"));
        await WaitUntilCountingInRedisAsync(replicas, redis.GetDatabase());
        using var flooder = LoopbackClient.From("127.0.0.2", replicas[0]);
        using var neighbour = LoopbackClient.From("127.0.0.3", replicas[1]);

        var refusal = await FloodUntilRefusedAsync(flooder);
        using var served = await neighbour.GetAsync(Path);

        Assert.NotNull(refusal);
        Assert.Equal("application/problem+json", refusal.Content.Headers.ContentType?.MediaType);
        Assert.True(refusal.Headers.Contains("Retry-After"));
        Assert.Equal("100", refusal.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("0", refusal.Headers.GetValues("RateLimit-Remaining").Single());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);

        // Counted in the shared Redis, not in the replica's memory.
        Assert.True(await redis.GetDatabase().KeyExistsAsync(BucketKey("127.0.0.2")));
    }

    static string BucketKey(string client) => $"gateway:ratelimit:catalog-read:ip:{client}";

    // A replica connects to Redis in the background after it starts, and limits on its own until then: wait until
    // each counts in Redis, probing each from an address of its own (127.0.0.10, 127.0.0.11).
    static async Task WaitUntilCountingInRedisAsync(IReadOnlyList<Uri> replicas, IDatabase redis)
    {
        for (var i = 0; i < replicas.Count; i++)
        {
            var probe = $"127.0.0.{10 + i}";
            using var client = LoopbackClient.From(probe, replicas[i]);
            await Until.TrueAsync(async () =>
            {
                using var response = await client.GetAsync(Path);
                return await redis.KeyExistsAsync(BucketKey(probe));
            }, TimeSpan.FromSeconds(30));
        }
    }

    // Concurrent senders until the first 429 (or MaxFlood requests in all); every other answer must be a 200.
    static async Task<HttpResponseMessage?> FloodUntilRefusedAsync(HttpClient client)
    {
        var sent = 0;
        HttpResponseMessage? refusal = null;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Volatile.Read(ref refusal) is null && Interlocked.Increment(ref sent) <= MaxFlood)
            {
                var response = await client.GetAsync(Path);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    if (Interlocked.CompareExchange(ref refusal, response, null) is not null)
                    {
                        response.Dispose();
                    }
                    continue;
                }

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }));
        return refusal;
    }
}

using CloudNative.Tests.Shared;

namespace Gateway.Api.Tests;

/// <summary>What a rollout test routes between: a Redis for the shared rollout state, a stable catalog and a canary.</summary>
internal sealed class RolloutRig(RedisServer redis, StubCatalog stable, StubCatalog canary) : IAsyncDisposable
{
    public static async Task<RolloutRig> StartAsync(double canaryErrorRate = 0) =>
        new(await RedisServer.StartAsync(), await StubCatalog.StartAsync(), await StubCatalog.StartAsync(canaryErrorRate));

    /// <summary>A gateway replica on this rig; several share its rollout through its Redis.</summary>
    public Task<RolloutGateway> GatewayAsync(int minimumRequests = 10) =>
        RolloutGateway.StartAsync(stable, canary, redis.ConnectionString, minimumRequests);

    public async ValueTask DisposeAsync()
    {
        await canary.DisposeAsync();
        await stable.DisposeAsync();
        await redis.DisposeAsync();
    }
}

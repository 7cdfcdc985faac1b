using StackExchange.Redis;

namespace Gateway.Api.Redis;

// The gateway's connection to the cache, which the replicas share their rate limits and rollouts through. The
// multiplexer connects synchronously when resolved (up to its connect timeout with Redis down), so it is resolved off
// the request's thread, starting with the app; until it is there, callers get null and work on their own.
sealed class GatewayRedis : IHostedService
{
    public const string ConnectionName = "cache";

    readonly Lazy<Task<IConnectionMultiplexer>>? connection;

    public GatewayRedis(IServiceProvider services, ILogger<GatewayRedis> logger)
    {
        if (services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(IConnectionMultiplexer)))
        {
            connection = new(() => Task.Run(() =>
            {
                try
                {
                    return services.GetRequiredService<IConnectionMultiplexer>();
                }
                catch (Exception e)
                {
                    // An unusable connection string, not an unreachable Redis (the multiplexer keeps retrying that).
                    logger.LogError(e, "The Redis connection could not be created: each gateway replica limits rates on its own and rollouts keep their weights.");
                    throw;
                }
            }));
        }
        else
        {
            logger.LogWarning("No Redis connection \"{Name}\" is configured: each gateway replica limits rates on its own and rollouts cannot be changed.", ConnectionName);
        }
    }

    // The connection, once made; null while Redis is not configured or still connecting (not while it is down: the
    // multiplexer then fails commands at once and reconnects on its own).
    public IConnectionMultiplexer? Multiplexer => connection is { Value.IsCompletedSuccessfully: true } ? connection.Value.Result : null;

    // Connects now rather than in the background; completes with false when Redis is not configured.
    public async Task<bool> ConnectAsync() => connection is not null && await connection.Value is { IsConnected: true };

    Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        _ = connection?.Value;
        return Task.CompletedTask;
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

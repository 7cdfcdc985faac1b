using StackExchange.Redis;

namespace Gateway.Api.RateLimiting;

static class RateLimitingExtensions
{
    public const string RedisConnectionName = "cache";

    public static void AddClientRateLimiting(this IHostApplicationBuilder builder)
    {
        // Without a "cache" connection (a lone gateway, unit tests) the limits are this replica's own. With one, the
        // gateway still starts and serves while Redis is down: the multiplexer is created on first use (not at
        // start-up), fails commands at once while disconnected instead of queueing them, and is left out of /health,
        // because a gateway without Redis is degraded, not unhealthy.
        if (builder.Configuration.GetConnectionString(RedisConnectionName) is not null)
        {
            builder.AddRedisClient(RedisConnectionName,
                settings =>
                {
                    settings.DisableAutoActivation = true;
                    settings.DisableHealthChecks = true;
                },
                options => options.BacklogPolicy = BacklogPolicy.FailFast);
        }

        builder.Services.AddSingleton<RedisTokenBuckets>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RedisTokenBuckets>());
        builder.Services.AddSingleton<LocalTokenBuckets>();
        builder.Services.AddSingleton<ClientRateLimiter>();
    }
}

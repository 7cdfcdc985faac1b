using StackExchange.Redis;

namespace Gateway.Api.Redis;

static class GatewayRedisExtensions
{
    public static void AddGatewayRedis(this IHostApplicationBuilder builder)
    {
        // Without a "cache" connection (a lone gateway, unit tests) rate limits are this replica's own. With one, the
        // gateway still starts and serves while Redis is down: the multiplexer is created on first use (not at
        // start-up), fails commands at once while disconnected instead of queueing them, and is left out of /health,
        // because a gateway without Redis is degraded, not unhealthy.
        if (builder.Configuration.GetConnectionString(GatewayRedis.ConnectionName) is not null)
        {
            builder.AddRedisClient(GatewayRedis.ConnectionName,
                settings =>
                {
                    settings.DisableAutoActivation = true;
                    settings.DisableHealthChecks = true;
                },
                options => options.BacklogPolicy = BacklogPolicy.FailFast);
        }

        builder.Services.AddSingleton<GatewayRedis>();
        builder.Services.AddHostedService(services => services.GetRequiredService<GatewayRedis>());
    }
}

namespace Gateway.Api.RateLimiting;

static class RateLimitingExtensions
{
    // The shared buckets live in the gateway's Redis (AddGatewayRedis); without it, or while it is down, each replica's own.
    public static void AddClientRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RedisTokenBuckets>();
        builder.Services.AddSingleton<LeasedTokenBuckets>();
        builder.Services.AddSingleton<LocalTokenBuckets>();
        builder.Services.AddSingleton<ClientRateLimiter>();
    }
}

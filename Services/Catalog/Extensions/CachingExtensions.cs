using Catalog.Api.Caching;
using Catalog.Api.Infrastructure;
using Catalog.Api.Serialization;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace Catalog.Api.Extensions;

static class CachingExtensions
{
    // Why HybridCache rather than IDistributedCache or output caching:
    // - stampede protection: on a miss, GetOrCreateAsync lets one caller per key run the query while
    //   concurrent callers for that key await its result, so a cold or invalidated page costs one query;
    // - two levels: an in-process L1 answers hot reads without a network hop, and Redis (L2) shares
    //   entries across replicas and restarts;
    // - tags: a writer invalidates every cached read with one RemoveByTagAsync call.
    public static void AddCatalogCache(this IHostApplicationBuilder builder)
    {
        // One multiplexer for the whole process: the one Aspire's "cache" client integration registers (with its
        // health check and tracing) also backs the L2 cache. The cache is an optimisation, so while Redis is
        // unreachable its commands fail at once and HybridCache falls back to Postgres, instead of every read
        // queueing for the multiplexer's timeout.
        //
        // The multiplexer connects synchronously when resolved, so resolving it at start-up (Aspire's default) would,
        // with Redis down, stall start-up for a connect timeout. It is resolved on first use instead, off the caller's
        // thread (Task.Run below), as HybridCache's constructor already reads from L2.
        builder.AddRedisClient("cache",
            settings => settings.DisableAutoActivation = true,
            options => options.BacklogPolicy = BacklogPolicy.FailFast);

        builder.Services.AddStackExchangeRedisCache(options => options.InstanceName = "catalog:");
        builder.Services.AddOptions<RedisCacheOptions>()
            .Configure<IServiceProvider>((options, services) =>
                options.ConnectionMultiplexerFactory = () => Task.Run(services.GetRequiredService<IConnectionMultiplexer>));

        builder.Services.AddHybridCache(options =>
            {
                options.DefaultEntryOptions = new HybridCacheEntryOptions
                {
                    Expiration = TimeSpan.FromMinutes(5),
                    // Another replica's L1 does not hear about an invalidation, so L1 entries live
                    // briefly to bound how stale a replica can be after a write.
                    LocalCacheExpiration = TimeSpan.FromSeconds(30),
                };
            })
            .AddSerializerFactory(new JsonContextHybridCacheSerializerFactory(CatalogJsonContext.Default));

        // Writers need not remember the cache: a committed change to items drops the cached reads.
        builder.Services.AddSingleton<CatalogItemsCacheInvalidator>();
        builder.Services.ConfigureDbContext<CatalogContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<CatalogItemsCacheInvalidator>()));
    }
}

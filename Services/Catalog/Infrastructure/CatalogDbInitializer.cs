using Catalog.Api.Infrastructure.Seed;
using CloudNative.Persistence;

namespace Catalog.Api.Infrastructure;

// Migrates and seeds catalogdb before the service serves a read.
sealed class CatalogDbInitializer(IServiceScopeFactory scopeFactory, CatalogContextSeed seed, ILogger<CatalogDbInitializer> logger)
    : DatabaseInitializer<CatalogContext>(scopeFactory, logger)
{
    // The value spells "CATALOG" in ASCII, so it is easy to spot in pg_locks.
    protected override long LockKey => 0x0043_4154_414C_4F47;

    // Redis may outlive a throwaway database (process mode recreates Postgres on every run), so pages cached
    // before a seed would be stale: CatalogItemsCacheInvalidator drops them once the seeded items commit.
    protected override Task SeedAsync(CatalogContext context, IServiceProvider services, CancellationToken cancellationToken) =>
        seed.SeedAsync(context, cancellationToken);
}

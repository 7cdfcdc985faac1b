using System.Diagnostics;
using Catalog.Api.Infrastructure.Seed;
using CloudNative.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Infrastructure;

// Migrates and seeds catalogdb at start-up. It runs inside StartAsync (not as a BackgroundService)
// so Kestrel does not listen, and /health does not answer, until the schema and data are in place:
// the AppHost's WaitFor on this service then means "ready to serve".
sealed class CatalogDbInitializer(
    IServiceScopeFactory scopeFactory,
    CatalogContextSeed seed,
    ILogger<CatalogDbInitializer> logger) : IHostedService
{
    public const string ActivitySourceName = "Catalog.Api.DbInitializer";

    // Any bigint shared by every replica. The value spells "CATALOG" in ASCII, so it is easy to spot in pg_locks.
    internal const long MigrationLockKey = 0x0043_4154_414C_4F47;

    static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("Migrate and seed catalogdb");
        var stopwatch = Stopwatch.StartNew();

        await using var scope = scopeFactory.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CatalogContext>();

        // The execution strategy retries the whole unit on transient failures (e.g. Postgres still starting).
        var strategy = context.Database.CreateExecutionStrategy();

        // Redis may outlive a throwaway database (process mode recreates Postgres on every run), so pages cached
        // before a seed would be stale: CatalogItemsCacheInvalidator drops them once the seeded items commit.
        await strategy.ExecuteAsync(context, MigrateAndSeedAsync, cancellationToken);

        logger.LogInformation("catalogdb migrated and seeded in {ElapsedMs} ms", stopwatch.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task<int> MigrateAndSeedAsync(CatalogContext context, CancellationToken cancellationToken)
    {
        // A retried attempt must not re-insert what a failed attempt left in the change tracker.
        context.ChangeTracker.Clear();

        return await context.MigrateAndSeedExclusivelyAsync(MigrationLockKey, ct => seed.SeedAsync(context, ct), cancellationToken);
    }
}

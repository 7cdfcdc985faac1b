using System.Diagnostics;
using Catalog.Api.Caching;
using Catalog.Api.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Hybrid;
using Npgsql;

namespace Catalog.Api.Infrastructure;

// Migrates and seeds catalogdb at start-up. It runs inside StartAsync (not as a BackgroundService)
// so Kestrel does not listen, and /health does not answer, until the schema and data are in place:
// the AppHost's WaitFor on this service then means "ready to serve".
sealed class CatalogDbInitializer(
    IServiceScopeFactory scopeFactory,
    CatalogContextSeed seed,
    HybridCache cache,
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
        var added = await strategy.ExecuteAsync(context, MigrateAndSeedAsync, cancellationToken);

        logger.LogInformation("catalogdb migrated and seeded in {ElapsedMs} ms", stopwatch.ElapsedMilliseconds);

        if (added > 0)
        {
            await InvalidateCacheAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task<int> MigrateAndSeedAsync(CatalogContext context, CancellationToken cancellationToken)
    {
        // A retried attempt must not re-insert what a failed attempt left in the change tracker.
        context.ChangeTracker.Clear();

        await EnsureDatabaseExistsAsync(context, cancellationToken);

        // One connection for the whole unit: the advisory lock belongs to this session.
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Replicas starting together queue here. EF's own migration lock covers only the migrations,
            // not the seed, so the first replica migrates and seeds while the others wait, then find
            // nothing left to do. Postgres drops the lock if this process dies while holding it.
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                // On a new database EF's first look at the history table fails and is logged as an error (a red
                // badge in the dashboard); creating the table up front, as EF itself would, leaves nothing to fail.
                await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                await context.Database.MigrateAsync(cancellationToken);
                return await seed.SeedAsync(context, cancellationToken);
            }
            finally
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    // The advisory lock needs a connection to catalogdb, so the database must exist first. The AppHost creates it,
    // but an "existing" server may not have it yet; replicas racing to create it is harmless.
    static async Task EnsureDatabaseExistsAsync(CatalogContext context, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another replica created it first.
        }
    }

    // Redis may outlive a throwaway database (process mode recreates Postgres on every run), so pages
    // cached before this seed would be stale. A cache outage must not stop the service from starting.
    async Task InvalidateCacheAsync(CancellationToken cancellationToken)
    {
        try
        {
            await cache.RemoveByTagAsync(CatalogCacheKeys.ItemsTag, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not invalidate cached catalog items after seeding");
        }
    }
}

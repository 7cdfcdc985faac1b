using System.Diagnostics;
using Identity.Api.Infrastructure.Keys;
using Identity.Api.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Identity.Api.Infrastructure;

// Migrates identitydb, loads (or first creates) the server keys and registers clients, roles and demo users.
// It runs inside StartAsync (not as a BackgroundService) so Kestrel does not listen, and /health does not
// answer, until the keys are loaded: no request can reach OpenIddict without them.
sealed class IdentityDbInitializer(
    IServiceScopeFactory scopeFactory,
    ServerKeyRing keyRing,
    TimeProvider time,
    ILogger<IdentityDbInitializer> logger) : IHostedService
{
    public const string ActivitySourceName = "Identity.Api.DbInitializer";

    // Any bigint shared by every replica. The value spells "IDENTITY" in ASCII, so it is easy to spot in pg_locks.
    internal const long MigrationLockKey = 0x4944_454E_5449_5459;

    static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("Migrate and seed identitydb");
        var stopwatch = Stopwatch.StartNew();

        await using var scope = scopeFactory.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<IdentityContext>();

        // The execution strategy retries the whole unit on transient failures (e.g. Postgres still starting).
        var strategy = context.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            (context, scope.ServiceProvider),
            (_, state, ct) => MigrateAndSeedAsync(state.context, state.ServiceProvider, ct),
            verifySucceeded: null,
            cancellationToken);

        logger.LogInformation("identitydb migrated and seeded in {ElapsedMs} ms", stopwatch.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    async Task<bool> MigrateAndSeedAsync(IdentityContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        // A retried attempt must not re-insert what a failed attempt left in the change tracker.
        context.ChangeTracker.Clear();

        await EnsureDatabaseExistsAsync(context, cancellationToken);

        // One connection for the whole unit: the advisory lock belongs to this session. The seeds below use the
        // same scoped context, hence the same connection.
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Replicas starting together queue here, so only the first creates keys, clients and users.
            // Postgres drops the lock if this process dies while holding it.
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                // On a new database EF's first look at the history table fails and is logged as an error (a red
                // badge in the dashboard); creating the table up front, as EF itself would, leaves nothing to fail.
                await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                await context.Database.MigrateAsync(cancellationToken);

                keyRing.Load(await ServerKeyStore.EnsureKeysAsync(context, time, cancellationToken));
                await services.GetRequiredService<ClientSeed>().SeedAsync(cancellationToken);
                await services.GetRequiredService<UserSeed>().SeedAsync();
                return true;
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

    // The advisory lock needs a connection to identitydb, so the database must exist first. The AppHost creates it,
    // but an "existing" server may not have it yet; replicas racing to create it is harmless.
    static async Task EnsureDatabaseExistsAsync(IdentityContext context, CancellationToken cancellationToken)
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
}

using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CloudNative.Persistence;

/// <summary>
/// Start-up schema work that replicas of one service may run at the same time: create the database if an
/// "existing" server lacks it, then migrate and seed under a Postgres advisory lock, one replica at a time.
/// </summary>
public static class ExclusiveMigration
{
    /// <param name="lockKey">Any bigint shared by the service's replicas and no other service.</param>
    /// <param name="seedAsync">Runs under the lock after the migrations, on the context's connection.</param>
    public static async Task<SchemaWork> MigrateAndSeedExclusivelyAsync(this DbContext context, long lockKey, Func<CancellationToken, Task> seedAsync, CancellationToken cancellationToken)
    {
        await EnsureDatabaseExistsAsync(context, cancellationToken);

        // One connection for the whole unit: the advisory lock belongs to this session.
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // EF's own migration lock covers only the migrations, not the seed: the first replica migrates and
            // seeds while the others wait, then find nothing left to do. Postgres drops the lock if the holder dies.
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({lockKey})", cancellationToken);
            try
            {
                // On a new database EF's first look at the history table fails and is logged as an error (a red
                // badge in the dashboard); creating the table up front, as EF itself would, leaves nothing to fail.
                await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                var migrating = Stopwatch.StartNew();
                var applied = await MigrateAsync(context, cancellationToken);
                migrating.Stop();

                var seeding = Stopwatch.StartNew();
                using (PersistenceTelemetry.ActivitySource.StartActivity("Seed"))
                {
                    await seedAsync(cancellationToken);
                }
                return new SchemaWork(applied, migrating.Elapsed, seeding.Elapsed);
            }
            finally
            {
                await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({lockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> MigrateAsync(DbContext context, CancellationToken cancellationToken)
    {
        using var activity = PersistenceTelemetry.ActivitySource.StartActivity("Migrate");
        // MigrateAsync also takes EF's migration lock and diffs the model against the migrations' snapshot (to
        // warn of a missing migration) when nothing is pending; a restart on kept data skips that work.
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            await context.Database.MigrateAsync(cancellationToken);
        }
        activity?.SetTag("db.migrations.applied", pending);
        return pending;
    }

    // The advisory lock needs a connection to the service's database, so it must exist first. The AppHost creates
    // it, but an "existing" server may not have it yet; replicas racing to create it is harmless.
    private static async Task EnsureDatabaseExistsAsync(DbContext context, CancellationToken cancellationToken)
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

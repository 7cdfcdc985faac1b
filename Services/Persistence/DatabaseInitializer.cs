using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Persistence;

/// <summary>
/// Brings a service's database to its current schema and seed inside StartAsync, not as a BackgroundService: Kestrel
/// does not listen, /health does not answer and no consumer runs until the data is in place, so the AppHost's WaitFor
/// on the service means "ready to serve". Replicas starting together take turns (<see cref="ExclusiveMigration"/>).
/// </summary>
public abstract class DatabaseInitializer<TContext>(IServiceScopeFactory scopeFactory, ILogger logger) : IHostedService
    where TContext : DbContext
{
    /// <summary>Any bigint shared by the service's replicas and no other service.</summary>
    protected abstract long LockKey { get; }

    /// <summary>Runs under the lock after the migrations, on the context's connection; a retried attempt runs it again.</summary>
    protected virtual Task SeedAsync(TContext context, IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var database = context.Database.GetDbConnection().Database;
        using var activity = PersistenceTelemetry.ActivitySource.StartActivity($"Migrate and seed {database}");
        var stopwatch = Stopwatch.StartNew();

        // The execution strategy retries the whole unit on transient failures (e.g. Postgres still starting).
        var work = await context.Database.CreateExecutionStrategy().ExecuteAsync(
            (context, scope.ServiceProvider),
            (_, state, ct) => MigrateAndSeedAsync(state.context, state.ServiceProvider, ct),
            verifySucceeded: null,
            cancellationToken);

        logger.LogInformation(
            "{Database} ready in {ElapsedMs} ms: {AppliedMigrations} migrations applied in {MigratingMs} ms, seeded in {SeedingMs} ms",
            database, stopwatch.ElapsedMilliseconds, work.AppliedMigrations, (long)work.Migrating.TotalMilliseconds, (long)work.Seeding.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task<SchemaWork> MigrateAndSeedAsync(TContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        // A retried attempt must not re-insert what a failed attempt left in the change tracker.
        context.ChangeTracker.Clear();
        return context.MigrateAndSeedExclusivelyAsync(LockKey, ct => SeedAsync(context, services, ct), cancellationToken);
    }
}

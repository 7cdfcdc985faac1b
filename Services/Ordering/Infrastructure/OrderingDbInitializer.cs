using System.Diagnostics;
using CloudNative.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ordering.Api.Infrastructure;

// Migrates orderingdb at start-up, inside StartAsync, so the service does not answer /health (nor take requests or
// messages) before its schema is in place. Nothing is seeded: orders come from customers.
sealed class OrderingDbInitializer(IServiceScopeFactory scopeFactory, ILogger<OrderingDbInitializer> logger) : IHostedService
{
    public const string ActivitySourceName = "Ordering.Api.DbInitializer";

    // Any bigint shared by every replica. The value spells "ORDERING" in ASCII, so it is easy to spot in pg_locks.
    internal const long MigrationLockKey = 0x4F52_4445_5249_4E47;

    static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("Migrate orderingdb");
        var stopwatch = Stopwatch.StartNew();

        await using var scope = scopeFactory.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<OrderingContext>();

        // The execution strategy retries the whole unit on transient failures (e.g. Postgres still starting).
        await context.Database.CreateExecutionStrategy().ExecuteAsync(context, MigrateAsync, cancellationToken);

        logger.LogInformation("orderingdb migrated in {ElapsedMs} ms", stopwatch.ElapsedMilliseconds);
    }

    static Task<int> MigrateAsync(OrderingContext context, CancellationToken cancellationToken) =>
        context.MigrateAndSeedExclusivelyAsync(MigrationLockKey, static _ => Task.FromResult(0), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using CloudNative.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Payments.Api.Infrastructure;

// Migrates paymentsdb at start-up, inside StartAsync so the service neither listens nor consumes before the schema
// is in place. Replicas starting together take turns under the advisory lock.
sealed class PaymentsDbInitializer(IServiceScopeFactory scopeFactory, ILogger<PaymentsDbInitializer> logger) : IHostedService
{
    // Any bigint shared by every replica. The value spells "PAYMENTS" in ASCII, so it is easy to spot in pg_locks.
    internal const long MigrationLockKey = 0x5041_594D_454E_5453;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PaymentsContext>();

        // The execution strategy retries the whole unit on transient failures (e.g. Postgres still starting).
        await context.Database.CreateExecutionStrategy().ExecuteAsync(context,
            static (context, ct) => context.MigrateAndSeedExclusivelyAsync(MigrationLockKey, static _ => Task.FromResult(0), ct), cancellationToken);
        logger.LogInformation("paymentsdb migrated");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

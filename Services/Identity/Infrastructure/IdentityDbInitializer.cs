using System.Diagnostics;
using Identity.Api.Infrastructure.Keys;
using Identity.Api.Infrastructure.Seed;
using CloudNative.Persistence;
using Microsoft.EntityFrameworkCore;

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

        // Replicas starting together take turns, so only the first creates keys, clients and users.
        return await context.MigrateAndSeedExclusivelyAsync(MigrationLockKey, async ct =>
        {
            keyRing.Load(await ServerKeyStore.EnsureKeysAsync(context, time, ct));
            await services.GetRequiredService<ClientSeed>().SeedAsync(ct);
            await services.GetRequiredService<UserSeed>().SeedAsync();
            return true;
        }, cancellationToken);
    }
}

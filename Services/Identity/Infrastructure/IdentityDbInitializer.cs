using Identity.Api.Infrastructure.Keys;
using Identity.Api.Infrastructure.Seed;
using CloudNative.Persistence;

namespace Identity.Api.Infrastructure;

// Migrates identitydb, loads (or first creates) the server keys and registers clients, roles and demo users before
// the service listens: no request can reach OpenIddict without the keys. Replicas take turns, so only the first
// creates keys, clients and users.
sealed class IdentityDbInitializer(
    IServiceScopeFactory scopeFactory,
    ServerKeyRing keyRing,
    TimeProvider time,
    ILogger<IdentityDbInitializer> logger) : DatabaseInitializer<IdentityContext>(scopeFactory, logger)
{
    // The value spells "IDENTITY" in ASCII, so it is easy to spot in pg_locks.
    protected override long LockKey => 0x4944_454E_5449_5459;

    protected override async Task SeedAsync(IdentityContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        keyRing.Load(await ServerKeyStore.EnsureKeysAsync(context, time, cancellationToken));
        await services.GetRequiredService<ClientSeed>().SeedAsync(cancellationToken);
        await services.GetRequiredService<UserSeed>().SeedAsync();
    }
}

using CloudNative.Persistence;

namespace Ordering.Api.Infrastructure;

// Migrates orderingdb before the service takes a request or a message. Nothing is seeded: orders come from customers.
sealed class OrderingDbInitializer(IServiceScopeFactory scopeFactory, ILogger<OrderingDbInitializer> logger)
    : DatabaseInitializer<OrderingContext>(scopeFactory, logger)
{
    // The value spells "ORDERING" in ASCII, so it is easy to spot in pg_locks.
    protected override long LockKey => 0x4F52_4445_5249_4E47;
}

using CloudNative.Persistence;

namespace Payments.Api.Infrastructure;

// Migrates paymentsdb before the service consumes a payment command. Nothing is seeded: payments come from orders.
sealed class PaymentsDbInitializer(IServiceScopeFactory scopeFactory, ILogger<PaymentsDbInitializer> logger)
    : DatabaseInitializer<PaymentsContext>(scopeFactory, logger)
{
    // The value spells "PAYMENTS" in ASCII, so it is easy to spot in pg_locks.
    protected override long LockKey => 0x5041_594D_454E_5453;
}

using CloudNative.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Payments.Api.Infrastructure;

namespace Payments.Api.Tests;

public class PaymentsMigrationsTests : OutboxServiceMigrationsTests<PaymentsContext>
{
    protected override PaymentsContext CreateContext() =>
        new(new DbContextOptionsBuilder<PaymentsContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=paymentsdb").Options);
}

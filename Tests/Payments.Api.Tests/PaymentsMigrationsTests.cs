using Microsoft.EntityFrameworkCore;
using Payments.Api.Infrastructure;

namespace Payments.Api.Tests;

public class PaymentsMigrationsTests
{
    [Fact]
    public void Checked_in_migrations_match_the_model()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add` (see Services/Payments/README.md).
        // The Npgsql provider builds the real model; nothing opens the connection.
        using var context = new PaymentsContext(new DbContextOptionsBuilder<PaymentsContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=paymentsdb").Options);

        Assert.False(context.Database.HasPendingModelChanges());
    }
}

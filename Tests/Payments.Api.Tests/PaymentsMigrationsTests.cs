using Microsoft.EntityFrameworkCore;
using CloudNative.Tests.Shared;
using Payments.Api.Infrastructure;

namespace Payments.Api.Tests;

public class PaymentsMigrationsTests
{
    [Fact]
    public void Checked_in_migrations_match_the_model()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add` (see Services/Payments/README.md).
        // The Npgsql provider builds the real model; nothing opens the connection.
        using var context = Context();

        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Migrations_add_the_trigger_that_wakes_the_outbox_relay()
    {
        using var context = Context();

        OutboxMigrations.AssertTheyWakeTheRelay(context);
    }

    private static PaymentsContext Context() =>
        new(new DbContextOptionsBuilder<PaymentsContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=paymentsdb").Options);
}

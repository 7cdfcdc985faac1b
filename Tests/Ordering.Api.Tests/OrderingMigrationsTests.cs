using CloudNative.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Ordering.Api.Infrastructure;

namespace Ordering.Api.Tests;

public class OrderingMigrationsTests
{
    [Fact]
    public void Checked_in_migrations_match_the_model()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add` (see Services/Ordering/README.md).
        using var context = Context();

        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Migrations_add_the_trigger_that_wakes_the_outbox_relay()
    {
        using var context = Context();

        OutboxMigrations.AssertTheyWakeTheRelay(context);
    }

    // The Npgsql provider builds the real model; nothing opens the connection.
    private static OrderingContext Context() =>
        new(new DbContextOptionsBuilder<OrderingContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=orderingdb").Options);
}

using CloudNative.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests;

public class CatalogMigrationsTests
{
    [Fact]
    public void Checked_in_migrations_match_the_model()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add` (see Services/Catalog/README.md).
        using var context = TestCatalogContext.Create();

        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_model_has_migrations_to_apply()
    {
        using var context = TestCatalogContext.Create();

        Assert.Contains(context.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }

    [Fact]
    public void Migrations_add_the_trigger_that_wakes_the_outbox_relay()
    {
        using var context = TestCatalogContext.Create();

        OutboxMigrations.AssertTheyWakeTheRelay(context);
    }
}

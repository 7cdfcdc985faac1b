using Catalog.Api.Infrastructure;
using CloudNative.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Tests;

public class CatalogMigrationsTests : OutboxServiceMigrationsTests<CatalogContext>
{
    protected override CatalogContext CreateContext() => TestCatalogContext.Create();

    [Fact]
    public void The_model_has_migrations_to_apply()
    {
        using var context = CreateContext();

        Assert.Contains(context.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Catalog.Api.Infrastructure;

// Lets `dotnet ef migrations add` build the model without booting the app (which needs Postgres,
// Redis and the AppHost's environment). Migrations are generated offline, so the connection string
// is never opened.
class CatalogContextDesignFactory : IDesignTimeDbContextFactory<CatalogContext>
{
    public CatalogContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CatalogContext>()
            .UseNpgsql("Host=localhost;Database=catalogdb")
            .Options;

        return new CatalogContext(options);
    }
}

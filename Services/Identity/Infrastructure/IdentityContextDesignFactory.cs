using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Identity.Api.Infrastructure;

// Lets `dotnet ef migrations add` build the model without booting the app (which needs Postgres and the
// AppHost's environment). Migrations are generated offline, so the connection string is never opened.
class IdentityContextDesignFactory : IDesignTimeDbContextFactory<IdentityContext>
{
    public IdentityContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityContext>()
            .UseNpgsql("Host=localhost;Database=identitydb")
            .Options;

        return new IdentityContext(options);
    }
}

using Identity.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Identity.Api.Tests;

public class MigrationsTests
{
    [Fact]
    public void Checked_in_migrations_match_the_model()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add`.
        using var context = new IdentityContext(new DbContextOptionsBuilder<IdentityContext>()
            .UseNpgsql("Host=127.0.0.1;Port=1;Database=identitydb")
            .Options);

        Assert.False(context.Database.HasPendingModelChanges());
    }
}

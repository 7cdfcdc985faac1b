using Identity.Api.Infrastructure.EntityConfigurations;
using Identity.Api.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Identity.Api.Infrastructure;

// ASP.NET Core Identity's users and roles, OpenIddict's applications, authorizations, scopes and tokens,
// and the server's keys, all in identitydb.
public class IdentityContext(DbContextOptions<IdentityContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<ServerKey> ServerKeys => Set<ServerKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfiguration(new ServerKeyEntityTypeConfiguration());
    }
}

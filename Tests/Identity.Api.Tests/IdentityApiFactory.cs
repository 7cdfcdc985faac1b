using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Identity.Api.Tests;

// The real Program in Development (so it seeds the demo users), over one database of the test Postgres.
sealed class IdentityApiFactory(string connectionString, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:identitydb", connectionString);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace CloudNative.Persistence.Tests;

internal sealed class ServiceContext(DbContextOptions<ServiceContext> options) : DbContext(options)
{
    /// <summary>A host with the context added as a service adds it, over <paramref name="connectionString"/>.</summary>
    public static IHost Host(string connectionString)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration["ConnectionStrings:servicedb"] = connectionString;
        builder.AddServiceDbContext<ServiceContext>("servicedb");
        return builder.Build();
    }
}

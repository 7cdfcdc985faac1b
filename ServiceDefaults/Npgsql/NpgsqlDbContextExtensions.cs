using CloudNative.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

// Aspire.Npgsql.EntityFrameworkCore.PostgreSQL's AddNpgsqlDbContext. EF Core runs its commands through Npgsql,
// so they are traced by the same "Npgsql" ActivitySource as the data source's.
public static class NpgsqlDbContextExtensions
{
    public static void AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName, Action<DbContextOptionsBuilder>? configureDbContextOptions = null)
        where TContext : DbContext
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        builder.Services.AddDbContextPool<TContext>((services, options) =>
        {
            // Retries ride out the moments when Postgres restarts or fails over, as Aspire's default does.
            options.UseNpgsql(services.GetRequiredConnectionString(connectionName), npgsql => npgsql.EnableRetryOnFailure());
            configureDbContextOptions?.Invoke(options);
        });

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(typeof(TContext).Name);
    }
}

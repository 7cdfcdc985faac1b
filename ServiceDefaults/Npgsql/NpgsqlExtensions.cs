using System.Data.Common;
using CloudNative.ServiceDefaults;
using CloudNative.ServiceDefaults.Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

// Aspire.Npgsql's AddNpgsqlDataSource. Tracing needs no setup here: Npgsql emits to its own "Npgsql"
// ActivitySource and Meter, which ConfigureOpenTelemetry listens to.
public static class NpgsqlExtensions
{
    public static void AddNpgsqlDataSource(this IHostApplicationBuilder builder, string connectionName, Action<NpgsqlDataSourceBuilder>? configureDataSourceBuilder = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        builder.Services.AddSingleton(services =>
        {
            var dataSourceBuilder = new NpgsqlDataSourceBuilder(services.GetRequiredConnectionString(connectionName));
            dataSourceBuilder.UseLoggerFactory(services.GetService<ILoggerFactory>());
            configureDataSourceBuilder?.Invoke(dataSourceBuilder);
            return dataSourceBuilder.Build();
        });
        builder.Services.AddSingleton<DbDataSource>(services => services.GetRequiredService<NpgsqlDataSource>());
        builder.Services.AddTransient(services => services.GetRequiredService<NpgsqlDataSource>().CreateConnection());
        builder.Services.AddTransient<DbConnection>(services => services.GetRequiredService<NpgsqlConnection>());

        builder.TryAddHealthCheck($"PostgreSql_{connectionName}",
            services => new NpgsqlHealthCheck(services.GetRequiredService<NpgsqlDataSource>()));
    }
}

using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CloudNative.Hosting.Postgres;

/// <summary>Healthy when a real connection opens and answers; unpooled so a restarted server is seen afresh.</summary>
internal static class PostgresHealth
{
    public static async Task<HealthCheckResult> CheckAsync(IResourceWithConnectionString resource, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await resource.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false))
        {
            Pooling = false,
            Timeout = 5,
        };
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy();
    }
}

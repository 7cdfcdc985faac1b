using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CloudNative.ServiceDefaults.Npgsql;

// A failure throws, and the health check service reports the exception as unhealthy.
internal sealed class NpgsqlHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}

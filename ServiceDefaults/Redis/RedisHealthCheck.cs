using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CloudNative.ServiceDefaults.Redis;

// A failure throws, and the health check service reports the exception as unhealthy.
internal sealed class RedisHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await connection.GetDatabase().PingAsync();
        return HealthCheckResult.Healthy();
    }
}

using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.ServiceDefaults.Kafka;

// Asks the cluster for its metadata over the client's own connections. A failure or timeout throws,
// and the health check service reports the exception as unhealthy.
internal sealed class KafkaHealthCheck(Handle clientHandle) : IHealthCheck
{
    // Ample for a broker round trip, short enough that a dead cluster fails the check rather than hanging /health.
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(3);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var admin = new DependentAdminClientBuilder(clientHandle).Build();
        var metadata = admin.GetMetadata(MetadataTimeout);
        return Task.FromResult(metadata.Brokers.Count > 0
            ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s)")
            : new HealthCheckResult(context.Registration.FailureStatus, "The cluster reported no brokers."));
    }
}

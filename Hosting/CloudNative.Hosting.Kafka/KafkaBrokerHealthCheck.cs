using Aspire.Hosting;
using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.Hosting.Kafka;

/// <summary>
/// A metadata request through one admin client kept for the resource's lifetime (each librdkafka client costs
/// threads). Healthy only once every declared topic exists, so WaitFor(kafka) means the topics are there.
/// </summary>
internal sealed class KafkaBrokerHealthCheck(KafkaServerResource kafka) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IAdminClient? _admin;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var admin = await GetAdminAsync(cancellationToken).ConfigureAwait(false);
        // GetMetadata blocks inside librdkafka; keep it off the caller's thread.
        var metadata = await Task.Run(() => admin.GetMetadata(s_timeout), cancellationToken).ConfigureAwait(false);
        var missing = KafkaTopicAnnotation.Of(kafka).Select(t => t.Name)
            .Except(metadata.Topics.Where(t => t.Error.Code == ErrorCode.NoError).Select(t => t.Topic))
            .ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s), {metadata.Topics.Count} topic(s)")
            : HealthCheckResult.Unhealthy($"Declared topics not created yet: {string.Join(", ", missing)}");
    }

    private async Task<IAdminClient> GetAdminAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _admin ??= KafkaAdmin.Create(await kafka.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _admin?.Dispose();
        _gate.Dispose();
    }
}

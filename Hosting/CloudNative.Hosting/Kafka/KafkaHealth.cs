using CloudNative.Hosting.ApplicationModel;
using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.Hosting.Kafka;

/// <summary>A metadata request through one admin client kept for the resource's lifetime (each client costs librdkafka threads).</summary>
internal sealed class KafkaHealth(KafkaServerResource kafka) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IAdminClient? _admin;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var admin = await GetAdminAsync(cancellationToken).ConfigureAwait(false);
        // GetMetadata blocks inside librdkafka; keep it off the caller's thread.
        var metadata = await Task.Run(() => admin.GetMetadata(s_timeout), cancellationToken).ConfigureAwait(false);
        var missing = kafka.Topics.Select(t => t.Name).Except(metadata.Topics.Where(t => t.Error.Code == ErrorCode.NoError).Select(t => t.Topic)).ToList();
        return missing.Count == 0
            ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s), {metadata.Topics.Count} topic(s)")
            : HealthCheckResult.Degraded($"Declared topics not created yet: {string.Join(", ", missing)}");
    }

    private async Task<IAdminClient> GetAdminAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _admin ??= new AdminClientBuilder(new AdminClientConfig
            {
                BootstrapServers = await ((IResourceWithConnectionString)kafka).GetConnectionStringAsync(cancellationToken).ConfigureAwait(false),
                SocketTimeoutMs = 3000,
            })
            .SetLogHandler(KafkaClientLogs.Discard)
            .Build();
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

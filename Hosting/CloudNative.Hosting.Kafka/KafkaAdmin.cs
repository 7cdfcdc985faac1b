using Confluent.Kafka;

namespace CloudNative.Hosting.Kafka;

internal static class KafkaAdmin
{
    /// <summary>
    /// The AppHost's own admin clients log nothing: librdkafka's connection noise would reach the console, and
    /// their failures already show in the resource's health report.
    /// </summary>
    public static IAdminClient Create(string? bootstrapServers) =>
        new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers, SocketTimeoutMs = 3000 })
            .SetLogHandler(static (_, _) => { })
            .Build();
}

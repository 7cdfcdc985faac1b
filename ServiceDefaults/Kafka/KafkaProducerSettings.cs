using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;

namespace Aspire.Confluent.Kafka;

// Aspire.Confluent.Kafka's KafkaProducerSettings, bound from "Aspire:Confluent:Kafka:Producer[:{name}]".
public sealed class KafkaProducerSettings : IKafkaClientSettings
{
    public string? ConnectionString { get; set; }

    public ProducerConfig Config { get; } = new();

    public bool DisableMetrics { get; set; }

    public bool DisableHealthChecks { get; set; }

    public bool DisableTracing { get; set; }

    ClientConfig IKafkaClientSettings.Config => Config;

    // Checked when the producer is first resolved, as Aspire does, so a misconfigured producer that is never used costs nothing.
    internal void Validate()
    {
        if (string.IsNullOrEmpty(Config.BootstrapServers))
        {
            throw new InvalidOperationException("No bootstrap servers configured.");
        }
    }
}

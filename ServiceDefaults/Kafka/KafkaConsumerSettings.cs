using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;

namespace Aspire.Confluent.Kafka;

// Aspire.Confluent.Kafka's KafkaConsumerSettings, bound from "Aspire:Confluent:Kafka:Consumer[:{name}]".
public sealed class KafkaConsumerSettings : IKafkaClientSettings
{
    public string? ConnectionString { get; set; }

    public ConsumerConfig Config { get; } = new();

    public bool DisableMetrics { get; set; }

    public bool DisableHealthChecks { get; set; }

    public bool DisableTracing { get; set; }

    ClientConfig IKafkaClientSettings.Config => Config;

    internal void Validate()
    {
        if (string.IsNullOrEmpty(Config.BootstrapServers))
        {
            throw new InvalidOperationException("No bootstrap servers configured.");
        }

        if (string.IsNullOrEmpty(Config.GroupId))
        {
            throw new InvalidOperationException("No group id configured.");
        }
    }
}

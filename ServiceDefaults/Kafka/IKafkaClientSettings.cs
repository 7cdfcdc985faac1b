using Confluent.Kafka;

namespace CloudNative.ServiceDefaults.Kafka;

// What producer and consumer settings share, so that binding and registration are written once for both.
internal interface IKafkaClientSettings
{
    string? ConnectionString { get; set; }

    ClientConfig Config { get; }

    bool DisableMetrics { get; }

    bool DisableHealthChecks { get; }

    bool DisableTracing { get; }
}

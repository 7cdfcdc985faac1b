namespace CloudNative.ServiceDefaults.Kafka;

// What a client's settings leave switched on: DisableTracing and DisableMetrics.
internal sealed record KafkaInstrumentation(bool Tracing, bool Metrics)
{
    public bool Enabled => Tracing || Metrics;
}

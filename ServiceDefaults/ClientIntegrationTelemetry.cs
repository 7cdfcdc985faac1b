namespace Microsoft.Extensions.Hosting;

// The names our client integrations emit under, shared by the tracing setup and by tests that listen for them.
public static class ClientIntegrationTelemetry
{
    // Npgsql's own ActivitySource and Meter; Npgsql.OpenTelemetry's AddNpgsql() adds exactly this name.
    public const string NpgsqlSourceName = "Npgsql";

    // Our spans built from StackExchange.Redis's profiling sessions, as no Redis instrumentation package is available.
    public const string RedisSourceName = "CloudNative.Redis";

    // Our producer and consumer spans, and the producer's metrics.
    public const string KafkaSourceName = "CloudNative.Kafka";

    public static IReadOnlyList<string> ActivitySourceNames { get; } = [NpgsqlSourceName, RedisSourceName, KafkaSourceName];

    public static IReadOnlyList<string> MeterNames { get; } = [NpgsqlSourceName, KafkaSourceName];
}

using CloudNative.Messaging;
using CloudNative.Messaging.Serialization;
using CloudNative.Messaging.Telemetry;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>
    /// Messaging over the Kafka resource <paramref name="connectionName"/>: ServiceDefaults' keyed producer for it,
    /// made idempotent with acks=all whatever configuration says, since the outbox's order and at-least-once rely on it.
    /// </summary>
    public static MessagingBuilder AddMessaging(this IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        builder.AddKeyedKafkaProducer<string, byte[]>(connectionName, settings =>
        {
            settings.Config.EnableIdempotence = true;
            settings.Config.Acks = Acks.All;
        });

        var types = new MessageTypes();
        builder.Services.AddSingleton(types);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(MessagingTelemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(MessagingTelemetry.SourceName));

        return new MessagingBuilder(builder, connectionName, types);
    }
}

using CloudNative.ServiceDefaults;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

// Aspire.Confluent.Kafka's AddKafkaProducer, with trace context carried in the message headers.
public static class KafkaProducerExtensions
{
    public static void AddKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName,
        Action<ProducerBuilder<TKey, TValue>>? configureBuilder = null, Action<ProducerConfig>? configureSettings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        builder.Services.AddSingleton<IProducer<TKey, TValue>>(services =>
        {
            var config = KafkaClientSetup.CreateConfig<ProducerConfig>(services, connectionName);
            configureSettings?.Invoke(config);

            var producerBuilder = new ProducerBuilder<TKey, TValue>(config)
                .SetLogHandler(KafkaClientSetup.CreateLogHandler<IProducer<TKey, TValue>>(services));
            configureBuilder?.Invoke(producerBuilder);

            return new TracingProducer<TKey, TValue>(producerBuilder.Build(), config.EnableDeliveryReports ?? true);
        });

        builder.TryAddHealthCheck($"Kafka_{connectionName}",
            services => new KafkaHealthCheck(services.GetRequiredService<IProducer<TKey, TValue>>().Handle));
    }
}

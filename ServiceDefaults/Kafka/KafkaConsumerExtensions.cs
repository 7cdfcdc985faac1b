using CloudNative.ServiceDefaults;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

// Aspire.Confluent.Kafka's AddKafkaConsumer. The consumer is the plain Confluent one: start a span per message
// with ConsumeResult.StartConsumeActivity(groupId), which continues the producer's trace.
public static class KafkaConsumerExtensions
{
    public static void AddKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName,
        Action<ConsumerConfig> configureSettings, Action<ConsumerBuilder<TKey, TValue>>? configureBuilder = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionName);
        ArgumentNullException.ThrowIfNull(configureSettings);

        builder.Services.AddSingleton<IConsumer<TKey, TValue>>(services =>
        {
            var config = KafkaClientSetup.CreateConfig<ConsumerConfig>(services, connectionName);
            configureSettings(config);
            if (string.IsNullOrWhiteSpace(config.GroupId))
            {
                throw new InvalidOperationException(
                    $"GroupId is missing for the Kafka consumer on '{connectionName}'. Set ConsumerConfig.GroupId in " +
                    $"the configureSettings callback of AddKafkaConsumer: every consumer belongs to a consumer group.");
            }

            var consumerBuilder = new ConsumerBuilder<TKey, TValue>(config)
                .SetLogHandler(KafkaClientSetup.CreateLogHandler<IConsumer<TKey, TValue>>(services));
            configureBuilder?.Invoke(consumerBuilder);

            return consumerBuilder.Build();
        });

        builder.TryAddHealthCheck($"Kafka_{connectionName}",
            services => new KafkaHealthCheck(services.GetRequiredService<IConsumer<TKey, TValue>>().Handle));
    }
}

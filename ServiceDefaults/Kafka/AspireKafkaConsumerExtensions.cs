using Aspire.Confluent.Kafka;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;

namespace Microsoft.Extensions.Hosting;

// Aspire.Confluent.Kafka's consumer registration, overload for overload. The consumer records a receive span, linked
// to the producer's, and messaging metrics per message (see TracingConsumer); to trace the handling of a message as
// part of the producer's trace, start its span with ConsumeResult.StartConsumeActivity.
public static class AspireKafkaConsumerExtensions
{
    private const string DefaultConfigSectionName = "Aspire:Confluent:Kafka:Consumer";
    private const string HealthCheckName = "Aspire.Confluent.Kafka.Consumer";

    public static void AddKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName)
        => AddKafkaConsumerInternal<TKey, TValue>(builder, null, null, connectionName, serviceKey: null);

    public static void AddKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<KafkaConsumerSettings>? configureSettings)
        => AddKafkaConsumerInternal<TKey, TValue>(builder, configureSettings, null, connectionName, serviceKey: null);

    public static void AddKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<ConsumerBuilder<TKey, TValue>>? configureBuilder)
        => AddKafkaConsumerInternal(builder, null, Wrap(configureBuilder), connectionName, serviceKey: null);

    public static void AddKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>? configureBuilder)
        => AddKafkaConsumerInternal(builder, null, configureBuilder, connectionName, serviceKey: null);

    public static void AddKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<KafkaConsumerSettings>? configureSettings, Action<ConsumerBuilder<TKey, TValue>>? configureBuilder)
        => AddKafkaConsumerInternal(builder, configureSettings, Wrap(configureBuilder), connectionName, serviceKey: null);

    public static void AddKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<KafkaConsumerSettings>? configureSettings, Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>? configureBuilder)
        => AddKafkaConsumerInternal(builder, configureSettings, configureBuilder, connectionName, serviceKey: null);

    public static void AddKeyedKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string name)
        => AddKeyedKafkaConsumer<TKey, TValue>(builder, name, null, (Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>?)null);

    public static void AddKeyedKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<KafkaConsumerSettings>? configureSettings)
        => AddKeyedKafkaConsumer<TKey, TValue>(builder, name, configureSettings, (Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>?)null);

    public static void AddKeyedKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<ConsumerBuilder<TKey, TValue>>? configureBuilder)
        => AddKeyedKafkaConsumer(builder, name, null, Wrap(configureBuilder));

    public static void AddKeyedKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>? configureBuilder)
        => AddKeyedKafkaConsumer(builder, name, null, configureBuilder);

    public static void AddKeyedKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<KafkaConsumerSettings>? configureSettings, Action<ConsumerBuilder<TKey, TValue>>? configureBuilder)
        => AddKeyedKafkaConsumer(builder, name, configureSettings, Wrap(configureBuilder));

    // The name is both the service key and the connection name.
    public static void AddKeyedKafkaConsumer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<KafkaConsumerSettings>? configureSettings, Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>? configureBuilder)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        AddKafkaConsumerInternal(builder, configureSettings, configureBuilder, connectionName: name, serviceKey: name);
    }

    private static void AddKafkaConsumerInternal<TKey, TValue>(IHostApplicationBuilder builder, Action<KafkaConsumerSettings>? configureSettings,
        Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>? configureBuilder, string connectionName, string? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        var settings = KafkaClientRegistration.BindSettings(builder, DefaultConfigSectionName, connectionName, configureSettings);

        KafkaClientRegistration.AddClient<IConsumer<TKey, TValue>>(builder, settings, connectionName, serviceKey, HealthCheckName, services =>
        {
            settings.Validate();

            var consumerBuilder = new ConsumerBuilder<TKey, TValue>(settings.Config);
            configureBuilder?.Invoke(services, consumerBuilder);
            KafkaClientRegistration.SetLogHandler<IConsumer<TKey, TValue>>(services, handler => consumerBuilder.SetLogHandler(handler));

            var consumer = consumerBuilder.Build();
            var instrumentation = new KafkaInstrumentation(Tracing: !settings.DisableTracing, Metrics: !settings.DisableMetrics);
            return instrumentation.Enabled
                ? new TracingConsumer<TKey, TValue>(consumer, settings.Config.GroupId, instrumentation)
                : consumer;
        });
    }

    private static Action<IServiceProvider, ConsumerBuilder<TKey, TValue>>? Wrap<TKey, TValue>(Action<ConsumerBuilder<TKey, TValue>>? configureBuilder)
        => configureBuilder is null ? null : (_, consumerBuilder) => configureBuilder(consumerBuilder);
}

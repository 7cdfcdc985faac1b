using Aspire.Confluent.Kafka;
using CloudNative.ServiceDefaults.Kafka;
using Confluent.Kafka;

namespace Microsoft.Extensions.Hosting;

// Aspire.Confluent.Kafka's producer registration, overload for overload. The producer sends W3C trace context in
// each message's headers and records a Producer span and messaging metrics per send (see TracingProducer).
public static class AspireKafkaProducerExtensions
{
    private const string DefaultConfigSectionName = "Aspire:Confluent:Kafka:Producer";
    private const string HealthCheckName = "Aspire.Confluent.Kafka.Producer";

    public static void AddKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName)
        => AddKafkaProducerInternal<TKey, TValue>(builder, null, null, connectionName, serviceKey: null);

    public static void AddKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<KafkaProducerSettings>? configureSettings)
        => AddKafkaProducerInternal<TKey, TValue>(builder, configureSettings, null, connectionName, serviceKey: null);

    public static void AddKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<ProducerBuilder<TKey, TValue>>? configureBuilder)
        => AddKafkaProducerInternal(builder, null, Wrap(configureBuilder), connectionName, serviceKey: null);

    public static void AddKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<IServiceProvider, ProducerBuilder<TKey, TValue>>? configureBuilder)
        => AddKafkaProducerInternal(builder, null, configureBuilder, connectionName, serviceKey: null);

    public static void AddKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<KafkaProducerSettings>? configureSettings, Action<ProducerBuilder<TKey, TValue>>? configureBuilder)
        => AddKafkaProducerInternal(builder, configureSettings, Wrap(configureBuilder), connectionName, serviceKey: null);

    public static void AddKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string connectionName, Action<KafkaProducerSettings>? configureSettings, Action<IServiceProvider, ProducerBuilder<TKey, TValue>>? configureBuilder)
        => AddKafkaProducerInternal(builder, configureSettings, configureBuilder, connectionName, serviceKey: null);

    public static void AddKeyedKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string name)
        => AddKeyedKafkaProducer<TKey, TValue>(builder, name, null, (Action<IServiceProvider, ProducerBuilder<TKey, TValue>>?)null);

    public static void AddKeyedKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<KafkaProducerSettings>? configureSettings)
        => AddKeyedKafkaProducer<TKey, TValue>(builder, name, configureSettings, (Action<IServiceProvider, ProducerBuilder<TKey, TValue>>?)null);

    public static void AddKeyedKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<ProducerBuilder<TKey, TValue>>? configureBuilder)
        => AddKeyedKafkaProducer(builder, name, null, Wrap(configureBuilder));

    public static void AddKeyedKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<IServiceProvider, ProducerBuilder<TKey, TValue>>? configureBuilder)
        => AddKeyedKafkaProducer(builder, name, null, configureBuilder);

    public static void AddKeyedKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<KafkaProducerSettings>? configureSettings, Action<ProducerBuilder<TKey, TValue>>? configureBuilder)
        => AddKeyedKafkaProducer(builder, name, configureSettings, Wrap(configureBuilder));

    // The name is both the service key and the connection name.
    public static void AddKeyedKafkaProducer<TKey, TValue>(this IHostApplicationBuilder builder, string name, Action<KafkaProducerSettings>? configureSettings, Action<IServiceProvider, ProducerBuilder<TKey, TValue>>? configureBuilder)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        AddKafkaProducerInternal(builder, configureSettings, configureBuilder, connectionName: name, serviceKey: name);
    }

    private static void AddKafkaProducerInternal<TKey, TValue>(IHostApplicationBuilder builder, Action<KafkaProducerSettings>? configureSettings,
        Action<IServiceProvider, ProducerBuilder<TKey, TValue>>? configureBuilder, string connectionName, string? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionName);

        var settings = KafkaClientRegistration.BindSettings(builder, DefaultConfigSectionName, connectionName, configureSettings);

        KafkaClientRegistration.AddClient<IProducer<TKey, TValue>>(builder, settings, connectionName, serviceKey, HealthCheckName, services =>
        {
            settings.Validate();

            var producerBuilder = new ProducerBuilder<TKey, TValue>(settings.Config);
            configureBuilder?.Invoke(services, producerBuilder);
            KafkaClientRegistration.SetLogHandler<IProducer<TKey, TValue>>(services, handler => producerBuilder.SetLogHandler(handler));

            var producer = producerBuilder.Build();
            var instrumentation = new KafkaInstrumentation(Tracing: !settings.DisableTracing, Metrics: !settings.DisableMetrics);
            return instrumentation.Enabled
                ? new TracingProducer<TKey, TValue>(producer, settings.Config.EnableDeliveryReports ?? true, instrumentation)
                : producer;
        });
    }

    private static Action<IServiceProvider, ProducerBuilder<TKey, TValue>>? Wrap<TKey, TValue>(Action<ProducerBuilder<TKey, TValue>>? configureBuilder)
        => configureBuilder is null ? null : (_, producerBuilder) => configureBuilder(producerBuilder);
}

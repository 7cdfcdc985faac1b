using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CloudNative.ServiceDefaults.Kafka;

// What AddKafkaProducer and AddKafkaConsumer share: settings, the singleton, telemetry and the health check.
internal static class KafkaClientRegistration
{
    // librdkafka's log lines, as Aspire names their category.
    public const string LogCategoryName = "Aspire.Confluent.Kafka";

    // Later sources win: the shared section, the connection's own section, its connection string, then code.
    public static TSettings BindSettings<TSettings>(IHostApplicationBuilder builder, string sectionName, string connectionName, Action<TSettings>? configureSettings)
        where TSettings : class, IKafkaClientSettings, new()
    {
        var section = builder.Configuration.GetSection(sectionName);
        var namedSection = section.GetSection(connectionName);
        TSettings settings = new();
        section.Bind(settings);
        namedSection.Bind(settings);
        // Binding the settings leaves Config empty (dotnet/runtime#96652), so it is bound on its own, as Aspire does.
        section.GetSection("Config").Bind(settings.Config);
        namedSection.GetSection("Config").Bind(settings.Config);

        if (builder.Configuration.GetConnectionString(connectionName) is string connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        configureSettings?.Invoke(settings);

        // The connection string Aspire gives a Kafka resource is its bootstrap server list.
        if (settings.ConnectionString is not null)
        {
            settings.Config.BootstrapServers = settings.ConnectionString;
        }

        return settings;
    }

    public static void AddClient<TClient>(IHostApplicationBuilder builder, IKafkaClientSettings settings, string connectionName, string? serviceKey,
        string healthCheckName, Func<IServiceProvider, TClient> createClient)
        where TClient : class, IClient
    {
        if (serviceKey is null)
        {
            builder.Services.AddSingleton(createClient);
        }
        else
        {
            builder.Services.AddKeyedSingleton(serviceKey, (services, _) => createClient(services));
        }

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(KafkaTelemetry.SourceName));
        }

        if (!settings.DisableMetrics)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(KafkaTelemetry.SourceName));
        }

        if (!settings.DisableHealthChecks)
        {
            var name = serviceKey is null ? healthCheckName : $"{healthCheckName}_{connectionName}";
            // One check per name for the app's lifetime, asking over the client's own connections: no extra client per check.
            builder.Services.TryAddKeyedSingleton(name, (services, _) => new KafkaHealthCheck((serviceKey is null
                ? services.GetRequiredService<TClient>()
                : services.GetRequiredKeyedService<TClient>(serviceKey)).Handle));
            builder.TryAddHealthCheck(new HealthCheckRegistration(name,
                services => services.GetRequiredKeyedService<KafkaHealthCheck>(name), failureStatus: null, tags: null));
        }
    }

    // librdkafka logs to stderr by default; through ILogger its lines reach the dashboard with the service's own.
    // A handler set in configureBuilder wins, as in Aspire: the builder accepts only one.
    public static void SetLogHandler<TClient>(IServiceProvider services, Action<Action<TClient, LogMessage>> setLogHandler)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LogCategoryName);
        try
        {
            setLogHandler((_, message) => logger.Log(
                (LogLevel)message.LevelAs(LogLevelType.MicrosoftExtensionsLogging),
                "{KafkaClient} {KafkaFacility}: {KafkaMessage}", message.Name, message.Facility, message.Message));
        }
        catch (InvalidOperationException)
        {
            logger.LogWarning("A log handler is already set on the Kafka client builder; librdkafka's logs go there instead.");
        }
    }
}

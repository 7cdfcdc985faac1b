using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.ServiceDefaults.Kafka;

// What producers and consumers share: where the cluster is, and where librdkafka's logs go.
internal static class KafkaClientSetup
{
    // The connection string Aspire gives a Kafka resource is the bootstrap server list.
    public static TConfig CreateConfig<TConfig>(IServiceProvider services, string connectionName) where TConfig : ClientConfig, new() =>
        new() { BootstrapServers = services.GetRequiredConnectionString(connectionName) };

    // librdkafka logs to stderr by default; through ILogger its lines reach the dashboard with the service's own.
    public static Action<TClient, LogMessage> CreateLogHandler<TClient>(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(ClientIntegrationTelemetry.KafkaSourceName);
        return (_, message) => logger.Log(
            (LogLevel)message.LevelAs(LogLevelType.MicrosoftExtensionsLogging),
            "{KafkaClient} {KafkaFacility}: {KafkaMessage}", message.Name, message.Facility, message.Message);
    }
}

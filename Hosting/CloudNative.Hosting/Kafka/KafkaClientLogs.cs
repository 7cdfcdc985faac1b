using Confluent.Kafka;

namespace CloudNative.Hosting.Kafka;

internal static class KafkaClientLogs
{
    /// <summary>
    /// The AppHost's own Kafka clients (health, topic creation) would otherwise print librdkafka's connection
    /// noise to the console; their failures already show in the resource's health report.
    /// </summary>
    public static void Discard(IClient client, LogMessage message)
    {
    }
}

using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Kafka;

/// <summary>confluent-local's listeners, as Aspire writes them (aspire-contracts §2.4).</summary>
internal static class KafkaContainerEnvironment
{
    public static void Apply(KafkaServerResource kafka, EnvironmentCallbackContext context)
    {
        var env = context.EnvironmentVariables;
        env["KAFKA_LISTENERS"] = "PLAINTEXT://localhost:29092,CONTROLLER://localhost:29093,PLAINTEXT_HOST://0.0.0.0:9092,PLAINTEXT_INTERNAL://0.0.0.0:9093";
        env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"] = "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PLAINTEXT_HOST:PLAINTEXT,PLAINTEXT_INTERNAL:PLAINTEXT";
        var host = kafka.PrimaryEndpoint.Property(EndpointProperty.Host);
        var port = kafka.PrimaryEndpoint.Property(EndpointProperty.Port);
        env["KAFKA_ADVERTISED_LISTENERS"] = context.ExecutionContext.IsPublishMode
            ? ReferenceExpression.Create($"PLAINTEXT://{host}:29092,PLAINTEXT_HOST://{host}:{port},PLAINTEXT_INTERNAL://{kafka.InternalEndpoint.Property(EndpointProperty.Host)}:{kafka.InternalEndpoint.Property(EndpointProperty.Port)}")
            : ReferenceExpression.Create($"PLAINTEXT://localhost:29092,PLAINTEXT_HOST://localhost:{port},PLAINTEXT_INTERNAL://{kafka.Name}:9093");
    }
}

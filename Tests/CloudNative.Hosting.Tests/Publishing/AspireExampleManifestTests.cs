using CloudNative.Hosting.Kafka;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>
/// Whole manifests against the ones Aspire generated for its playground apps (shared/reference/examples, written by
/// Aspire after 13.1.3), brought back to 13.1 by the differences the contracts list: 13.1 writes <c>$schema</c> first,
/// uses confluent-local 8.1.0, and gives projects the two OTLP log-attribute variables before the retry one.
/// </summary>
public sealed class AspireExampleManifestTests
{
    private const string KafkaExample = "examples/kafka.aspire-manifest.json";

    [ReferenceFact(KafkaExample)]
    public async Task KafkaPlaygroundManifestIsReproducedByteForByte()
    {
        using var host = ManifestHost.Create();
        var kafka = host.Builder.AddKafka("kafka");
        foreach (var name in new[] { "producer", "consumer" })
        {
            var project = host.Builder.AddProject(name, host.CreateProject(char.ToUpperInvariant(name[0]) + name[1..]))
                .WithArgs("kafka")
                .WithReference(kafka);
            KafkaManifestTests.RemoveEndpoints(project.Resource);
        }

        host.Builder.AddKafka("kafka2");

        var manifest = await host.PublishAsync();

        Golden.Equal(AsAspire131(ReferenceFiles.Read(KafkaExample)), manifest.Text);
    }

    /// <summary>The version differences between the example files (Aspire after 13.1.3) and 13.1's output.</summary>
    internal static string AsAspire131(string headManifest)
    {
        var text = headManifest.ReplaceLineEndings("\n")
            .Replace("confluent-local:8.1.1", "confluent-local:8.1.0", StringComparison.Ordinal)
            .Replace("library/redis:8.6", "library/redis:8.2", StringComparison.Ordinal);
        text = "{\n  \"$schema\": \"https://json.schemastore.org/aspire-8.0.json\"," + text[1..];
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith("\"OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY\"", StringComparison.Ordinal))
            {
                var indent = line[..(line.Length - line.TrimStart().Length)];
                lines.Add($"{indent}\"OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES\": \"true\",");
                lines.Add($"{indent}\"OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES\": \"true\",");
            }

            lines.Add(line);
        }

        return string.Join('\n', lines);
    }
}

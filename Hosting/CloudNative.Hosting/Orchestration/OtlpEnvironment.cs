using Microsoft.Extensions.Configuration;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// The OpenTelemetry variables Aspire gives every project in run mode (aspire-contracts §3.2). The exporter
/// endpoint is set only when an OTLP receiver is configured: Aspire falls back to http://localhost:18889, where
/// its dashboard always listens, but with nothing listening every service spends its shutdown retrying exports.
/// </summary>
internal static class OtlpEnvironment
{
    public static void Apply(IDictionary<string, string> env, IConfiguration configuration, string resourceName, string replicaId)
    {
        if (ResolveEndpoint(configuration) is var (endpoint, protocol))
        {
            env["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
            env["OTEL_EXPORTER_OTLP_PROTOCOL"] = protocol;
            if (configuration["AppHost:OtlpApiKey"] is { Length: > 0 } apiKey)
            {
                env["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={apiKey}";
            }
        }

        env["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={replicaId}";
        env["OTEL_SERVICE_NAME"] = resourceName;
        env["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        env["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        env["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        env["OTEL_TRACES_SAMPLER"] = "always_on";
        env["OTEL_METRICS_EXEMPLAR_FILTER"] = "trace_based";
        env["OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"] = "true";
    }

    private static (string Endpoint, string Protocol)? ResolveEndpoint(IConfiguration configuration)
    {
        if (First(configuration, "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL") is { } grpc)
        {
            return (grpc, "grpc");
        }

        if (First(configuration, "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "DOTNET_DASHBOARD_OTLP_HTTP_ENDPOINT_URL") is { } http)
        {
            return (http, "http/protobuf");
        }

        return null;
    }

    private static string? First(IConfiguration configuration, params string[] keys) =>
        keys.Select(k => configuration[k]).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}

using System.Net;
using System.Text.Json;

namespace CloudNative.DashboardTests;

/// <summary>
/// The dashboard's telemetry HTTP API (<c>/api/telemetry/*</c>, Aspire.Dashboard's DashboardEndpointsBuilder), which
/// answers in OTLP JSON wrapped as <c>{ "data": { "resourceSpans" | "resourceLogs": [...] }, "totalCount", "returnedCount" }</c>.
/// </summary>
public sealed class DashboardTelemetryApi : IDisposable
{
    private readonly HttpClient _http;

    public DashboardTelemetryApi(Uri dashboardBaseUrl, string apiKey)
    {
        _http = new HttpClient { BaseAddress = dashboardBaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        _http.DefaultRequestHeaders.Add("x-api-key", apiKey);
    }

    /// <summary>Every span of one trace (<c>GET /api/telemetry/traces/{traceId}</c>); empty while the dashboard has none.</summary>
    public async Task<IReadOnlyList<TelemetrySpan>> GetTraceAsync(string traceId, CancellationToken cancellationToken)
    {
        using var json = await GetAsync($"/api/telemetry/traces/{Uri.EscapeDataString(traceId)}", cancellationToken);
        return json is null ? [] : Spans(json.RootElement);
    }

    /// <summary>A resource's structured logs (<c>GET /api/telemetry/logs?resource=</c>); empty while it has sent none.</summary>
    public async Task<IReadOnlyList<TelemetryLog>> GetLogsAsync(string resource, CancellationToken cancellationToken)
    {
        using var json = await GetAsync($"/api/telemetry/logs?resource={Uri.EscapeDataString(resource)}", cancellationToken);
        return json is null ? [] : Logs(json.RootElement);
    }

    public void Dispose() => _http.Dispose();

    // 404 is the API's answer for "no such trace / no telemetry from that resource yet"; anything else but 200 is a failure.
    private async Task<JsonDocument?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
    }

    private static List<TelemetrySpan> Spans(JsonElement root) =>
        [.. from resource in Items(root.GetProperty("data"), "resourceSpans")
            let service = ServiceName(resource)
            from scope in Items(resource, "scopeSpans")
            from span in Items(scope, "spans")
            select new TelemetrySpan(
                service,
                span.GetProperty("traceId").GetString()!,
                span.GetProperty("spanId").GetString()!,
                Text(span, "parentSpanId"),
                Text(span, "name") ?? "")];

    private static List<TelemetryLog> Logs(JsonElement root) =>
        [.. from resource in Items(root.GetProperty("data"), "resourceLogs")
            let service = ServiceName(resource)
            from scope in Items(resource, "scopeLogs")
            from log in Items(scope, "logRecords")
            select new TelemetryLog(
                service,
                Text(log, "traceId"),
                Text(log, "severityText"),
                log.TryGetProperty("body", out var body) ? Text(body, "stringValue") : null)];

    private static string ServiceName(JsonElement resource) =>
        Items(resource.GetProperty("resource"), "attributes")
            .Where(attribute => attribute.GetProperty("key").GetString() == "service.name")
            .Select(attribute => Text(attribute.GetProperty("value"), "stringValue"))
            .FirstOrDefault() ?? "";

    private static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

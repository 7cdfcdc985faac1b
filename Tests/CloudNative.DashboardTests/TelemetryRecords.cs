namespace CloudNative.DashboardTests;

/// <summary>A span from the dashboard's OTLP JSON, with the <c>service.name</c> of the resource that sent it.</summary>
public sealed record TelemetrySpan(string Service, string TraceId, string SpanId, string? ParentSpanId, string Name);

/// <summary>A structured log record from the dashboard's OTLP JSON.</summary>
public sealed record TelemetryLog(string Service, string? TraceId, string? Severity, string? Body);

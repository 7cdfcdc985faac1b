using System.Diagnostics;
using System.Net;

namespace CloudNative.DashboardTests;

/// <summary>A request through the gateway, as the dashboard's telemetry API sees it.</summary>
[Collection(DashboardCollection.Name)]
public sealed class TelemetryEndToEndTests(DashboardAppFixture fixture)
{
    // The services batch their exports (Aspire sets a 1 s schedule delay in development); 60 s covers a busy 2-core host.
    private static readonly TimeSpan s_telemetryTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OneGatewayRequestIsOneTraceWithSpansFromGatewayAndCatalog()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cancellation.Token;

        // The request carries our own W3C trace context; the gateway continues it, so the trace to find is known up front
        // rather than guessed from whichever trace arrived last.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using (var gateway = fixture.App.CreateHttpClient("gateway"))
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/items/1"))
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await gateway.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var telemetry = new DashboardTelemetryApi(fixture.DashboardBaseUrl, fixture.TelemetryApiKey);
        var spans = await Poll.UntilAsync(
            async token =>
            {
                var trace = await telemetry.GetTraceAsync(traceId, token);
                var services = trace.Select(span => span.Service).Distinct().Order().ToArray();
                // Each service exports in batches, so the gateway's spans of one request can arrive in different ones:
                // wait for the catalog span's parent, not only for a span from each service.
                var linked = trace.Any(catalog => catalog.Service == "catalog"
                    && trace.Any(gateway => gateway.Service == "gateway" && gateway.SpanId == catalog.ParentSpanId));
                return (linked ? trace : null, $"{trace.Count} span(s) from [{string.Join(", ", services)}]");
            },
            s_telemetryTimeout, $"trace {traceId} with a catalog span whose parent is a gateway span", ct);

        Assert.All(spans, span => Assert.Equal(traceId, span.TraceId));
        var gatewaySpans = spans.Where(span => span.Service == "gateway").ToList();
        var catalogSpans = spans.Where(span => span.Service == "catalog").ToList();
        Assert.NotEmpty(gatewaySpans);
        Assert.NotEmpty(catalogSpans);
        // The gateway propagated its context on the proxied call: a catalog span's parent is a gateway span.
        Assert.Contains(catalogSpans, catalog => gatewaySpans.Any(gateway => gateway.SpanId == catalog.ParentSpanId));
    }

    [Theory]
    [InlineData("gateway")]
    [InlineData("catalog")]
    public async Task ServiceStructuredLogsReachTheDashboard(string service)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var telemetry = new DashboardTelemetryApi(fixture.DashboardBaseUrl, fixture.TelemetryApiKey);

        // From every replica (the gateway runs two, each its own resource in the dashboard).
        var names = await fixture.DashboardNamesAsync(service, cancellation.Token);
        var logs = await Poll.UntilAsync(
            async token =>
            {
                var perReplica = new List<IReadOnlyList<TelemetryLog>>();
                foreach (var name in names)
                {
                    perReplica.Add(await telemetry.GetLogsAsync(name, token));
                }
                var silent = names.Where((_, i) => perReplica[i].Count == 0).ToList();
                return (silent.Count == 0 ? perReplica.SelectMany(l => l).ToList() : null, $"no log records from {string.Join(", ", silent)}");
            },
            s_telemetryTimeout, $"structured logs from {string.Join(", ", names)}", cancellation.Token);

        Assert.All(logs, log => Assert.Equal(service, log.Service));
        Assert.Contains(logs, log => !string.IsNullOrEmpty(log.Body));
    }
}

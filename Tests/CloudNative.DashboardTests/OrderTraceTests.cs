using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudNative.IntegrationTests;

namespace CloudNative.DashboardTests;

/// <summary>One checkout, followed through the gateway, ordering's outbox and every Kafka hop of the saga, in the dashboard.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OrderTraceTests(DashboardAppFixture fixture)
{
    private static readonly TimeSpan s_sagaTimeout = TimeSpan.FromSeconds(90);

    // The services batch their exports (Aspire sets a 1 s schedule delay in development); 60 s covers a busy 2-core host.
    private static readonly TimeSpan s_telemetryTimeout = TimeSpan.FromSeconds(60);

    // Each saga hop: the topic, the service that sends on it, and the one that consumes it. order-events has no consumer yet.
    private static readonly (string Topic, string Sender, string? Consumer)[] s_hops =
    [
        ("catalog-commands", "ordering", "catalog"),
        ("catalog-events", "catalog", "ordering"),
        ("payment-commands", "ordering", "payments"),
        ("payment-events", "payments", "ordering"),
        ("order-events", "ordering", null),
    ];

    private static readonly string[] s_services = ["gateway", "ordering", "catalog", "payments"];

    [Fact]
    public async Task OneCheckoutIsOneTraceThroughEveryServiceAndKafkaHop()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cancellation.Token;

        // Our own W3C trace context on the checkout: the trace to find is known up front, and so is its root's parent.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var clientSpanId = ActivitySpanId.CreateRandom().ToHexString();
        using var customer = await fixture.App.CustomerClientAsync();
        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new { items = new[] { new { productId = 1, quantity = 1 } } }),
        };
        checkout.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");
        checkout.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var accepted = await customer.SendAsync(checkout, ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location ?? throw new InvalidOperationException("202 without a Location.");

        // Confirmed means every hop has happened: reserve, reserved, authorize, authorized, confirmed.
        var status = await Poll.UntilAsync(
            async token =>
            {
                using var order = JsonDocument.Parse(await customer.GetStringAsync(location, token));
                var current = order.RootElement.GetProperty("status").GetString();
                return (current is "Confirmed" or "Cancelled" ? current : null, $"status {current}");
            },
            s_sagaTimeout, $"order {location} to finish its checkout", ct);
        Assert.Equal("Confirmed", status);

        var expected = s_hops.SelectMany(hop => hop.Consumer is null
                ? new[] { (Service: hop.Sender, Span: $"send {hop.Topic}") }
                : [(hop.Sender, $"send {hop.Topic}"), (hop.Consumer, $"process {hop.Topic}")])
            .ToList();
        using var telemetry = new DashboardTelemetryApi(fixture.DashboardBaseUrl, fixture.TelemetryApiKey);
        var spans = await Poll.UntilAsync(
            async token =>
            {
                var trace = await telemetry.GetTraceAsync(traceId, token);
                var missing = Missing(trace, expected).Concat(Orphans(trace, clientSpanId)).ToList();
                return (missing.Count == 0 ? trace : null,
                    $"{trace.Count} span(s) from [{string.Join(", ", trace.Select(span => span.Service).Distinct().Order())}]; missing: {string.Join("; ", missing)}");
            },
            s_telemetryTimeout, $"trace {traceId} through gateway, ordering, catalog, payments and every saga topic, as one tree", ct);

        Assert.All(spans, span => Assert.Equal(traceId, span.TraceId));
        Assert.Empty(Missing(spans, expected));
        Assert.Empty(Orphans(spans, clientSpanId));
    }

    private static IEnumerable<string> Missing(IReadOnlyList<TelemetrySpan> trace, IReadOnlyList<(string Service, string Span)> expected) =>
        s_services.Where(service => trace.All(span => ServiceOf(span) != service)).Select(service => $"any span from {service}")
            .Concat(expected.Where(e => !trace.Any(span => ServiceOf(span) == e.Service && span.Name == e.Span)).Select(e => $"'{e.Span}' from {e.Service}"));

    // catalog-canary runs catalog's outbox relay too (the relays take turns on one lock), so it may send catalog's events.
    private static string ServiceOf(TelemetrySpan span) => span.Service == "catalog-canary" ? "catalog" : span.Service;

    // One tree, not spans that merely share an id: each span's parent is in the trace, except the gateway's first span,
    // whose parent is the client's.
    private static IEnumerable<string> Orphans(IReadOnlyList<TelemetrySpan> trace, string clientSpanId)
    {
        var ids = trace.Select(span => span.SpanId).Append(clientSpanId).ToHashSet();
        return trace.Where(span => !ids.Contains(span.ParentSpanId ?? "")).Select(span => $"the parent of {span.Service} '{span.Name}'");
    }
}

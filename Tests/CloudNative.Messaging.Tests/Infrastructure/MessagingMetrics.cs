using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CloudNative.Messaging.Telemetry;

namespace CloudNative.Messaging.Tests.Infrastructure;

/// <summary>Listens to the plumbing's counters; each test reads only its own consumer group's or topic's.</summary>
public sealed class MessagingMetrics : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> measurements = new();

    public MessagingMetrics()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MessagingTelemetry.SourceName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
    }

    public long Sum(string instrument, string tag, string value, string? reason = null) =>
        measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(tag), value)
                                && (reason is null || Equals(m.Tags.GetValueOrDefault(MessagingTelemetry.ReasonTag), reason)))
            .Sum(m => m.Value);

    public long ForGroup(string instrument, string groupId, string? reason = null) =>
        Sum(instrument, MessagingTelemetry.ConsumerGroupTag, groupId, reason);

    public void Dispose() => listener.Dispose();
}

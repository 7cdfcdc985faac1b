using System.Diagnostics.Metrics;
using CloudNative.ServiceDefaults.Kafka;

namespace CloudNative.ServiceDefaults.Tests;

// Records the Kafka measurements for one topic, so that tests sending to other topics do not show up.
internal sealed class MeasurementCollector : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, IReadOnlyDictionary<string, object?> Tags)> measurements = [];

    public MeasurementCollector(string topic)
    {
        listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KafkaTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var tagMap = new Dictionary<string, object?>(tags.ToArray());
            if (Equals(tagMap.GetValueOrDefault("messaging.destination.name"), topic))
            {
                lock (measurements) measurements.Add((instrument.Name, tagMap));
            }
        }
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        listener.Start();
    }

    public IReadOnlyList<(string Instrument, IReadOnlyDictionary<string, object?> Tags)> Measurements
    {
        get { lock (measurements) return [.. measurements]; }
    }

    public void Dispose() => listener.Dispose();
}

using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace CloudNative.Messaging.Envelope;

/// <summary>
/// What every message carries besides its payload, in Kafka headers (see <see cref="EnvelopeHeaders"/>): the body
/// stays the bare event JSON, so any consumer can read it, and routing, dedup and tracing never parse the body.
/// W3C traceparent/tracestate travel next to these, written by the ServiceDefaults Kafka producer.
/// </summary>
/// <param name="MessageId">Unique per message; consumers' inboxes deduplicate on it.</param>
/// <param name="MessageType">The registered name of the payload's type (see <see cref="Serialization.MessageTypes"/>).</param>
/// <param name="CorrelationId">Shared by every message of one business flow (a saga): the first message's id.</param>
/// <param name="CausationId">The id of the message whose handling produced this one; none for a flow's first.</param>
public sealed record EventEnvelope(Guid MessageId, string MessageType, DateTimeOffset OccurredAt, Guid CorrelationId, Guid? CausationId)
{
    /// <summary>A new message, continuing the flow of <paramref name="causedBy"/> when there is one.</summary>
    public static EventEnvelope Create(string messageType, DateTimeOffset occurredAt, EventEnvelope? causedBy)
    {
        // Whole microseconds, Postgres's precision: the envelope an outbox returns is exactly the one it publishes.
        occurredAt = occurredAt.AddTicks(-(occurredAt.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
        var id = Guid.CreateVersion7(occurredAt);
        return new(id, messageType, occurredAt, causedBy?.CorrelationId ?? id, causedBy?.MessageId);
    }

    public void WriteTo(Headers headers)
    {
        Set(headers, EnvelopeHeaders.MessageId, MessageId.ToString());
        Set(headers, EnvelopeHeaders.MessageType, MessageType);
        Set(headers, EnvelopeHeaders.OccurredAt, OccurredAt.ToString("O", CultureInfo.InvariantCulture));
        Set(headers, EnvelopeHeaders.CorrelationId, CorrelationId.ToString());
        if (CausationId is { } causationId)
        {
            Set(headers, EnvelopeHeaders.CausationId, causationId.ToString());
        }
    }

    /// <exception cref="PoisonMessageException">A header is missing or malformed.</exception>
    public static EventEnvelope ReadFrom(Headers? headers) => new(
        ReadGuid(headers, EnvelopeHeaders.MessageId),
        Read(headers, EnvelopeHeaders.MessageType),
        DateTimeOffset.TryParseExact(Read(headers, EnvelopeHeaders.OccurredAt), "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var occurredAt)
            ? occurredAt
            : throw Malformed(EnvelopeHeaders.OccurredAt),
        ReadGuid(headers, EnvelopeHeaders.CorrelationId),
        headers?.TryGetLastBytes(EnvelopeHeaders.CausationId, out _) == true ? ReadGuid(headers, EnvelopeHeaders.CausationId) : null);

    private static void Set(Headers headers, string name, string value)
    {
        headers.Remove(name);
        headers.Add(name, Encoding.UTF8.GetBytes(value));
    }

    private static string Read(Headers? headers, string name) =>
        headers?.TryGetLastBytes(name, out var bytes) == true
            ? Encoding.UTF8.GetString(bytes)
            : throw new PoisonMessageException($"The message has no '{name}' header.");

    private static Guid ReadGuid(Headers? headers, string name) =>
        Guid.TryParse(Read(headers, name), out var value) ? value : throw Malformed(name);

    private static PoisonMessageException Malformed(string name) => new($"The message's '{name}' header is malformed.");
}

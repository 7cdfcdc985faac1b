using System.Diagnostics;
using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Serialization;
using Microsoft.EntityFrameworkCore;

namespace CloudNative.Messaging.Outbox;

// Scoped, so it writes to the same DbContext instance the caller's state change goes through.
internal sealed class Outbox<TContext>(TContext context, MessageTypes types, TimeProvider time) : IOutbox
    where TContext : DbContext
{
    public EventEnvelope Enqueue<TMessage>(string topic, string key, TMessage message, EventEnvelope? causedBy = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(key);

        var (type, payload) = types.Serialize(message);
        var envelope = EventEnvelope.Create(type, time.GetUtcNow(), causedBy);
        var activity = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current : null;
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = envelope.MessageId,
            Topic = topic,
            Key = key,
            MessageType = type,
            Payload = payload,
            OccurredAt = envelope.OccurredAt,
            CorrelationId = envelope.CorrelationId,
            CausationId = envelope.CausationId,
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
        });
        return envelope;
    }
}

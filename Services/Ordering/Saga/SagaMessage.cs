using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Outbox;

namespace Ordering.Api.Saga;

/// <summary>A message the saga sends, kept with its static type: the outbox names a message by its type.</summary>
public abstract record SagaMessage(string Topic)
{
    public abstract object Body { get; }

    public abstract EventEnvelope EnqueueTo(IOutbox outbox, string key, EventEnvelope? causedBy);
}

public sealed record SagaMessage<TMessage>(string Topic, TMessage Message) : SagaMessage(Topic)
    where TMessage : notnull
{
    public override object Body => Message;

    public override EventEnvelope EnqueueTo(IOutbox outbox, string key, EventEnvelope? causedBy) =>
        outbox.Enqueue(Topic, key, Message, causedBy);
}

namespace CloudNative.Messaging.Consuming;

/// <summary>
/// Applies one message type's effect. It runs in a scope whose DbContext already has a transaction open, with the
/// inbox row added: change state (and enqueue outbox messages) through that DbContext; the host saves and commits.
/// Throwing rolls everything back; the host retries with backoff, then dead-letters the message.
/// </summary>
public interface IMessageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, MessageContext context, CancellationToken cancellationToken);
}

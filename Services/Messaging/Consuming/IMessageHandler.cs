namespace CloudNative.Messaging.Consuming;

/// <summary>
/// Applies one message type's effect. It runs in a scope whose DbContext already has a transaction open, with the
/// inbox row added: change state (and enqueue outbox messages) through that DbContext; the host saves and commits.
/// One scope and transaction may serve several messages of a batch, each under its own savepoint: keep no state
/// between calls. Throwing rolls back this message's effect; the host retries it with backoff, then dead-letters it.
/// </summary>
public interface IMessageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, MessageContext context, CancellationToken cancellationToken);
}

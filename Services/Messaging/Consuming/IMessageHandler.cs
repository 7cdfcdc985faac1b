namespace CloudNative.Messaging.Consuming;

/// <summary>
/// Applies one message type's effect. It runs in a scope whose DbContext already has a transaction open, with the
/// inbox row added: change state (and enqueue outbox messages) through that DbContext; the host saves and commits.
/// One scope and transaction may serve several messages of a batch: keep no state between calls. Throwing rolls back
/// the transaction; the host retries this message with backoff, then dead-letters it, and applies the batch's others
/// again, so a handler may run again for a message whose first effect was rolled back (effects outside the database,
/// such as a payment provider's, must tolerate that, as they must a failed commit).
/// </summary>
public interface IMessageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, MessageContext context, CancellationToken cancellationToken);
}

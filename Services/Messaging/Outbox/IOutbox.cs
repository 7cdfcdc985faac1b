using CloudNative.Messaging.Envelope;

namespace CloudNative.Messaging.Outbox;

/// <summary>Queues messages in the service's DbContext, to be published once, and only if, the state change commits.</summary>
public interface IOutbox
{
    /// <summary>
    /// Adds the message to the current DbContext; the next SaveChanges (inside the caller's transaction, if any)
    /// writes it with the state change. The relay publishes it after the commit, keyed by <paramref name="key"/>.
    /// </summary>
    /// <param name="key">The aggregate id: messages with one key keep their order.</param>
    /// <param name="causedBy">The message being handled, if any: the new one joins its correlation and names it as cause.</param>
    EventEnvelope Enqueue<TMessage>(string topic, string key, TMessage message, EventEnvelope? causedBy = null);
}

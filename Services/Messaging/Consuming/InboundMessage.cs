using CloudNative.Messaging.Envelope;
using Confluent.Kafka;

namespace CloudNative.Messaging.Consuming;

/// <summary>A consumed message that has been read and has a handler: what is left is to apply it once.</summary>
/// <param name="Position">Its place in the poll's batch: messages the batch could not apply are retried in this order.</param>
internal sealed record InboundMessage(
    ConsumeResult<string, byte[]> Result, EventEnvelope Envelope, object Message,
    Func<IServiceProvider, object, MessageContext, CancellationToken, Task> Handler, int Position)
{
    public MessageContext ContextFor(int attempt) => new(Envelope, Result.Message.Key, Result.TopicPartitionOffset, attempt);
}

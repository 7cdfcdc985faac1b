using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CloudNative.Messaging.Consuming;

// What the consumer logs: every outcome of a message, each under its own event.
internal sealed partial class MessageConsumerHost<TContext>
    where TContext : DbContext
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "The consumer stopped; the messages of a batch in progress, if any, are re-delivered.")]
    private partial void LogStoppedMidMessage(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consume error: {Reason}")]
    private partial void LogConsumeError(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poison message at {Source}: {Reason}. It goes to the dead-letter topic.")]
    private partial void LogPoison(Exception exception, TopicPartitionOffset source, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No handler for {MessageType} (message {MessageId} at {Source}); passed over.")]
    private partial void LogIgnored(string messageType, Guid messageId, TopicPartitionOffset source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} at {Source} was already applied; skipped.")]
    private partial void LogDuplicate(Guid messageId, TopicPartitionOffset source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling message {MessageId} failed on attempt {Attempt}; retrying in {Backoff}.")]
    private partial void LogRetrying(Exception exception, Guid messageId, int attempt, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying a batch of {Count} messages failed; each is retried on its own.")]
    private partial void LogLaneFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling message {MessageId} at {Source} failed {Attempts} times; it goes to the dead-letter topic.")]
    private partial void LogGaveUp(Exception exception, Guid messageId, TopicPartitionOffset source, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write to dead-letter topic {Topic} the message at {Source}; trying again in {Backoff}.")]
    private partial void LogDeadLetterFailed(Exception exception, string topic, TopicPartitionOffset source, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered the message at {Source} to {Topic} ({Reason}): {Error}")]
    private partial void LogDeadLettered(TopicPartitionOffset source, string topic, string reason, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the offset of {Source}: {Reason}. Its partition's next owner re-delivers it.")]
    private partial void LogStoreOffsetFailed(Exception exception, TopicPartitionOffset source, string reason);
}

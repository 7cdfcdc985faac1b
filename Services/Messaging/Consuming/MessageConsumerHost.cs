using System.Diagnostics;
using System.Globalization;
using System.Text;
using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Inbox;
using CloudNative.Messaging.Serialization;
using CloudNative.Messaging.Telemetry;
using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Messaging.Consuming;

/// <summary>
/// Consumes a service's topics one message at a time and applies each exactly once: the handler's changes and the
/// inbox row commit in one transaction, and only then is the message's offset stored for commit. A crash before that
/// re-delivers the message; the inbox turns a re-delivery of an applied message into a skip.
/// <para>
/// A failing handler is retried with exponential backoff, then the message goes to the dead-letter topic with its
/// error, and the partition moves on. A message that cannot be read (bad envelope, bad JSON, unknown type) goes there
/// at once: no retry can fix it. Nothing is skipped silently: every outcome is counted and logged.
/// </para>
/// </summary>
internal sealed partial class MessageConsumerHost<TContext>(
    ConsumerRegistration registration, IConsumer<string, byte[]> consumer, IProducer<string, byte[]> producer, MessageTypes types,
    IServiceScopeFactory scopes, TimeProvider time, ILogger<MessageConsumerHost<TContext>> logger)
    : BackgroundService
    where TContext : DbContext
{
    private string GroupId => registration.GroupId;

    private MessageConsumerOptions Options => registration.Options;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Consume blocks its thread; since .NET 10 all of ExecuteAsync runs on a pool thread, off the host's start-up.
        consumer.Subscribe(registration.Topics);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<string, byte[]> result;
                try
                {
                    result = consumer.Consume(stoppingToken);
                }
                catch (ConsumeException exception) when (!exception.Error.IsFatal)
                {
                    LogConsumeError(exception, exception.Error.Reason);
                    continue;
                }

                await ProcessAsync(result, stoppingToken);
                StoreOffset(result);
            }
        }
        catch (Exception exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-message (whatever the cancelled handler threw) leaves its offset unstored: the next owner
            // of the partition gets it again.
            LogStoppedMidMessage(exception);
        }
        finally
        {
            // Leaves the group at once, so the partitions move now rather than after the session times out, and
            // commits the offsets stored so far.
            consumer.Close();
        }
    }

    private async Task ProcessAsync(ConsumeResult<string, byte[]> result, CancellationToken cancellationToken)
    {
        using var activity = result.StartConsumeActivity(GroupId);
        TagList tags = new() { { MessagingTelemetry.TopicTag, result.Topic }, { MessagingTelemetry.ConsumerGroupTag, GroupId } };

        EventEnvelope envelope;
        object message;
        try
        {
            envelope = EventEnvelope.ReadFrom(result.Message.Headers);
            message = types.Deserialize(envelope.MessageType, result.Message.Value ?? []);
        }
        catch (PoisonMessageException exception)
        {
            LogPoison(exception, result.TopicPartitionOffset, exception.Message);
            await DeadLetterAsync(result, MessagingTelemetry.PoisonReason, exception, tags, cancellationToken);
            return;
        }

        if (!registration.Handlers.TryGet(message.GetType(), out var handler))
        {
            // A registered type this group does not handle (topics carry several event types): deliberately passed over.
            LogIgnored(envelope.MessageType, envelope.MessageId, result.TopicPartitionOffset);
            MessagingTelemetry.Ignored.Add(1, tags);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var applied = await ApplyOnceAsync(result, envelope, message, handler, attempt, cancellationToken);
                (applied ? MessagingTelemetry.Consumed : MessagingTelemetry.Duplicates).Add(1, tags);
                if (!applied)
                {
                    LogDuplicate(envelope.MessageId, result.TopicPartitionOffset);
                }
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                activity?.AddException(exception);
                if (attempt >= Options.MaxAttempts)
                {
                    LogGaveUp(exception, envelope.MessageId, result.TopicPartitionOffset, attempt);
                    await DeadLetterAsync(result, MessagingTelemetry.FailedReason, exception, tags, cancellationToken);
                    return;
                }

                var backoff = Options.BackoffAfter(attempt);
                LogRetrying(exception, envelope.MessageId, attempt, backoff);
                MessagingTelemetry.Retried.Add(1, tags);
                await Task.Delay(backoff, time, cancellationToken);
            }
        }
    }

    // True if the handler's effect committed now, false if the inbox shows an earlier delivery already applied it.
    private async Task<bool> ApplyOnceAsync(ConsumeResult<string, byte[]> result, EventEnvelope envelope, object message,
        Func<IServiceProvider, object, MessageContext, CancellationToken, Task> handler, int attempt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var messageContext = new MessageContext(envelope, result.Message.Key, result.TopicPartitionOffset, attempt);

        // Services' DbContexts retry transient failures (Aspire's default); a user transaction must run inside the strategy.
        return await context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            var inbox = context.Set<InboxMessage>();
            if (await inbox.AnyAsync(m => m.ConsumerGroup == GroupId && m.MessageId == envelope.MessageId, ct))
            {
                return false;
            }

            // Two replicas racing on one message (a rebalance hands it over mid-flight) both get here; the inbox key
            // lets one commit, and the other's retry then finds its row.
            inbox.Add(new InboxMessage
            {
                ConsumerGroup = GroupId,
                MessageId = envelope.MessageId,
                MessageType = envelope.MessageType,
                ProcessedAt = time.GetUtcNow(),
            });
            await handler(scope.ServiceProvider, message, messageContext, ct);
            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    // The original message, key, value and headers unchanged, plus why it failed and where it came from. A message is
    // never dropped: if the dead-letter topic cannot be written, this keeps trying and the partition waits.
    private async Task DeadLetterAsync(ConsumeResult<string, byte[]> result, string reason, Exception exception, TagList tags, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        foreach (var header in result.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }
        AddHeader(headers, EnvelopeHeaders.DeadLetterReason, reason);
        AddHeader(headers, EnvelopeHeaders.DeadLetterErrorType, exception.GetType().FullName!);
        AddHeader(headers, EnvelopeHeaders.DeadLetterErrorMessage, exception.Message);
        AddHeader(headers, EnvelopeHeaders.DeadLetterOriginalTopic, result.Topic);
        AddHeader(headers, EnvelopeHeaders.DeadLetterOriginalPartition, result.Partition.Value.ToString(CultureInfo.InvariantCulture));
        AddHeader(headers, EnvelopeHeaders.DeadLetterOriginalOffset, result.Offset.Value.ToString(CultureInfo.InvariantCulture));
        AddHeader(headers, EnvelopeHeaders.DeadLetterConsumerGroup, GroupId);

        var deadLetterTopic = Options.DeadLetterTopic(result.Topic);
        var deadLetter = new Message<string, byte[]> { Key = result.Message.Key, Value = result.Message.Value, Headers = headers };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await producer.ProduceAsync(deadLetterTopic, deadLetter, cancellationToken);
                break;
            }
            catch (ProduceException<string, byte[]> produceException)
            {
                var backoff = Options.BackoffAfter(attempt);
                LogDeadLetterFailed(produceException, deadLetterTopic, result.TopicPartitionOffset, backoff);
                await Task.Delay(backoff, time, cancellationToken);
            }
        }

        tags.Add(MessagingTelemetry.ReasonTag, reason);
        MessagingTelemetry.DeadLettered.Add(1, tags);
        LogDeadLettered(result.TopicPartitionOffset, deadLetterTopic, reason, exception.Message);
    }

    private void StoreOffset(ConsumeResult<string, byte[]> result)
    {
        try
        {
            consumer.StoreOffset(result);
        }
        catch (KafkaException exception)
        {
            // The partition moved to another member while this one handled the message; that member gets it again,
            // and the inbox there sees it has been applied.
            LogStoreOffsetFailed(exception, result.TopicPartitionOffset, exception.Error.Reason);
        }
    }

    private static void AddHeader(Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));

    [LoggerMessage(Level = LogLevel.Debug, Message = "The consumer stopped; a message in progress, if any, is re-delivered.")]
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling message {MessageId} at {Source} failed {Attempts} times; it goes to the dead-letter topic.")]
    private partial void LogGaveUp(Exception exception, Guid messageId, TopicPartitionOffset source, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write to dead-letter topic {Topic} the message at {Source}; trying again in {Backoff}.")]
    private partial void LogDeadLetterFailed(Exception exception, string topic, TopicPartitionOffset source, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered the message at {Source} to {Topic} ({Reason}): {Error}")]
    private partial void LogDeadLettered(TopicPartitionOffset source, string topic, string reason, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the offset of {Source}: {Reason}. Its partition's next owner re-delivers it.")]
    private partial void LogStoreOffsetFailed(Exception exception, TopicPartitionOffset source, string reason);
}

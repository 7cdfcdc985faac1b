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
/// Consumes a service's topics in batches and applies each message exactly once: a message's effect and its inbox
/// row commit in one transaction, and only then is its offset stored for commit. A crash before that re-delivers the
/// message; the inbox turns a re-delivery of an applied message into a skip.
/// <para>
/// A poll takes what the consumer has fetched (up to <see cref="MessageConsumerOptions.MaxBatchSize"/>) and splits it
/// by key into <see cref="MessageConsumerOptions.Concurrency"/> lanes, each applied in one transaction: one commit for
/// many messages, and a key's messages in their order. A message whose handler throws rolls its lane back, the rest of
/// the lane is applied again and commits, and that message (with its key's later ones) is then retried on its own with
/// exponential backoff, and finally goes to the dead-letter topic with its error. A
/// message that cannot be read (bad envelope, bad JSON, unknown type) goes there at once: no retry can fix it. Nothing
/// is skipped silently: every outcome is counted and logged.
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
                var batch = Poll(stoppingToken);
                if (batch.Count == 0)
                {
                    continue;
                }

                await ProcessAsync(batch, stoppingToken);
                StoreOffsets(batch);
            }
        }
        catch (Exception exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-batch (whatever the cancelled handler threw) leaves the batch's offsets unstored: the next
            // owner of the partitions gets those messages again, and its inbox skips the ones applied.
            LogStoppedMidMessage(exception);
        }
        finally
        {
            // Leaves the group at once, so the partitions move now rather than after the session times out, and
            // commits the offsets stored so far.
            consumer.Close();
        }
    }

    // Waits for one message, then takes whatever else the consumer has already fetched, without waiting again.
    private List<ConsumeResult<string, byte[]>> Poll(CancellationToken cancellationToken)
    {
        List<ConsumeResult<string, byte[]>> batch = [];
        try
        {
            batch.Add(consumer.Consume(cancellationToken));
            while (batch.Count < Options.MaxBatchSize && consumer.Consume(TimeSpan.Zero) is { } next)
            {
                batch.Add(next);
            }
        }
        catch (ConsumeException exception) when (!exception.Error.IsFatal)
        {
            LogConsumeError(exception, exception.Error.Reason);
        }
        return batch;
    }

    private async Task ProcessAsync(List<ConsumeResult<string, byte[]>> batch, CancellationToken cancellationToken)
    {
        List<InboundMessage> inbound = [];
        foreach (var result in batch)
        {
            if (await ReadAsync(result, inbound.Count, cancellationToken) is { } message)
            {
                inbound.Add(message);
            }
        }

        var lanes = inbound.GroupBy(m => LaneOf(m.Result.Message.Key)).Select(lane => ApplyLaneAsync([.. lane], cancellationToken));
        var leftOver = (await Task.WhenAll(lanes)).SelectMany(l => l).OrderBy(l => l.Message.Position);
        foreach (var message in leftOver)
        {
            await ApplyWithRetriesAsync(message, cancellationToken);
        }
    }

    // One key, one lane: a key's messages are applied in order by one transaction.
    private int LaneOf(string? key) => Options.Concurrency == 1 ? 0 : (int)((uint)StringComparer.Ordinal.GetHashCode(key ?? "") % (uint)Options.Concurrency);

    // Null for a message that is not to be applied: dead-lettered as poison, or of a type this group does not handle.
    private async Task<InboundMessage?> ReadAsync(ConsumeResult<string, byte[]> result, int position, CancellationToken cancellationToken)
    {
        try
        {
            var envelope = EventEnvelope.ReadFrom(result.Message.Headers);
            var message = types.Deserialize(envelope.MessageType, result.Message.Value ?? []);
            if (registration.Handlers.TryGet(message.GetType(), out var handler))
            {
                return new InboundMessage(result, envelope, message, handler, position);
            }

            // A registered type this group does not handle (topics carry several event types): deliberately passed over.
            LogIgnored(envelope.MessageType, envelope.MessageId, result.TopicPartitionOffset);
            MessagingTelemetry.Ignored.Add(1, Tags(result));
            return null;
        }
        catch (PoisonMessageException exception)
        {
            using var activity = result.StartConsumeActivity(GroupId);
            LogPoison(exception, result.TopicPartitionOffset, exception.Message);
            await DeadLetterAsync(result, MessagingTelemetry.PoisonReason, exception, cancellationToken);
            return null;
        }
    }

    /// <summary>
    /// Applies a lane's messages in one transaction, without a savepoint per message: on a busy machine a lane's speed
    /// is its number of round trips, and a savepoint was a third of them for the catalog's stock commands. When a
    /// handler throws, the whole transaction rolls back; that message (attempted once) and its key's later messages are
    /// left over for their retries, and the lane's others are applied again in a new transaction. Their handlers then
    /// run twice, the first time rolled back, as after any failed commit: a handler must expect that. Returns the
    /// messages not applied, with the attempts they have had and the last error: the rest of the lane when the
    /// transaction itself failed.
    /// </summary>
    private async Task<List<LeftOver>> ApplyLaneAsync(List<InboundMessage> lane, CancellationToken cancellationToken)
    {
        List<LeftOver> leftOver = [];
        var pending = lane;
        while (pending.Count > 0)
        {
            try
            {
                foreach (var (message, applied) in await InTransactionAsync((context, services, ct) => ApplyAllAsync(context, services, pending, ct), cancellationToken))
                {
                    Counted(message, applied);
                }
                break;
            }
            catch (HandlerFailedException failed) when (!cancellationToken.IsCancellationRequested)
            {
                var position = pending.IndexOf(failed.Inbound);
                var heldBack = pending.Skip(position + 1).ToLookup(m => m.Result.Message.Key == failed.Inbound.Result.Message.Key);
                leftOver.Add(new(failed.Inbound, 1, failed.InnerException));
                leftOver.AddRange(heldBack[true].Select(m => new LeftOver(m, 0, null)));
                pending = [.. pending.Take(position), .. heldBack[false]];
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                // The transaction itself failed (the database went away, say): nothing of it committed.
                LogLaneFailed(exception, pending.Count);
                leftOver.AddRange(pending.Select(m => new LeftOver(m, 0, null)));
                break;
            }
        }
        return leftOver;
    }

    // Every message of the lane in order, in the caller's transaction; a handler's failure ends it (and rolls it back).
    private async Task<List<(InboundMessage Message, bool Applied)>> ApplyAllAsync(TContext context, IServiceProvider services,
        List<InboundMessage> lane, CancellationToken cancellationToken)
    {
        List<(InboundMessage Message, bool Applied)> done = [];
        var seen = await SeenAsync(context, lane, cancellationToken);
        foreach (var message in lane)
        {
            using var activity = message.Result.StartConsumeActivity(GroupId);
            // A duplicate in the inbox, or earlier in this lane, is skipped.
            if (!seen.Add(message.Envelope.MessageId))
            {
                done.Add((message, false));
                continue;
            }

            try
            {
                await ApplyInTransactionAsync(context, services, message, attempt: 1, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                activity?.AddException(exception);
                throw new HandlerFailedException(message, exception);
            }
            finally
            {
                // Each message starts from the database, as on its own: what the last one saved is written. Every save
                // also scans what is tracked, so keep it small.
                context.ChangeTracker.Clear();
            }
            done.Add((message, true));
        }
        return done;
    }

    // The lane's message ids the inbox already holds, in one round trip.
    private Task<HashSet<Guid>> SeenAsync(TContext context, List<InboundMessage> lane, CancellationToken cancellationToken)
    {
        var ids = lane.Select(m => m.Envelope.MessageId).ToList();
        return context.Set<InboxMessage>()
            .Where(m => m.ConsumerGroup == GroupId && ids.Contains(m.MessageId))
            .Select(m => m.MessageId)
            .ToHashSetAsync(cancellationToken);
    }

    // One message on its own, one transaction per attempt, after the attempts it already had in its batch.
    private async Task ApplyWithRetriesAsync(LeftOver leftOver, CancellationToken cancellationToken)
    {
        var message = leftOver.Message;
        using var activity = message.Result.StartConsumeActivity(GroupId);
        var failure = leftOver.Failure;
        for (var attempt = leftOver.Attempts + 1; ; attempt++)
        {
            if (failure is not null)
            {
                if (attempt > Options.MaxAttempts)
                {
                    LogGaveUp(failure, message.Envelope.MessageId, message.Result.TopicPartitionOffset, attempt - 1);
                    await DeadLetterAsync(message.Result, MessagingTelemetry.FailedReason, failure, cancellationToken);
                    return;
                }

                var backoff = Options.BackoffAfter(attempt - 1);
                LogRetrying(failure, message.Envelope.MessageId, attempt - 1, backoff);
                MessagingTelemetry.Retried.Add(1, Tags(message.Result));
                await Task.Delay(backoff, time, cancellationToken);
            }

            try
            {
                Counted(message, await ApplyOnceAsync(message, attempt, cancellationToken));
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                activity?.AddException(exception);
                failure = exception;
            }
        }
    }

    // True if the handler's effect committed now, false if the inbox shows an earlier delivery already applied it.
    private Task<bool> ApplyOnceAsync(InboundMessage message, int attempt, CancellationToken cancellationToken) =>
        InTransactionAsync(async (context, services, ct) =>
        {
            var messageId = message.Envelope.MessageId;
            if (await context.Set<InboxMessage>().AnyAsync(m => m.ConsumerGroup == GroupId && m.MessageId == messageId, ct))
            {
                return false;
            }

            await ApplyInTransactionAsync(context, services, message, attempt, ct);
            return true;
        }, cancellationToken);

    // One transaction on a fresh scope's context, committed when work returns. Services' DbContexts retry transient
    // failures (Aspire's default), so it runs inside the execution strategy, and a retry starts again from nothing.
    private async Task<T> InTransactionAsync<T>(Func<TContext, IServiceProvider, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        // A failure rolls the whole transaction back: EF's savepoint around each SaveChanges would only cost two more
        // round trips a message.
        context.Database.AutoSavepointsEnabled = false;
        return await context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            var result = await work(context, scope.ServiceProvider, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    // Inside the caller's transaction, for a message the inbox has not seen: records it, runs its handler and saves.
    // Two replicas racing on one message (a rebalance hands it over mid-flight) both get here; the inbox key lets one
    // commit, and the other's retry then finds its row.
    private async Task ApplyInTransactionAsync(TContext context, IServiceProvider services, InboundMessage message, int attempt,
        CancellationToken cancellationToken)
    {
        context.Set<InboxMessage>().Add(new InboxMessage
        {
            ConsumerGroup = GroupId,
            MessageId = message.Envelope.MessageId,
            MessageType = message.Envelope.MessageType,
            ProcessedAt = time.GetUtcNow(),
        });
        await message.Handler(services, message.Message, message.ContextFor(attempt), cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
    }

    private void Counted(InboundMessage message, bool applied)
    {
        (applied ? MessagingTelemetry.Consumed : MessagingTelemetry.Duplicates).Add(1, Tags(message.Result));
        if (!applied)
        {
            LogDuplicate(message.Envelope.MessageId, message.Result.TopicPartitionOffset);
        }
    }

    /// <summary>A message its batch did not apply, with the attempts it has had and the error of the last one.</summary>
    private sealed record LeftOver(InboundMessage Message, int Attempts, Exception? Failure);

    /// <summary>A handler threw while its lane was applied: the lane's transaction is to roll back.</summary>
    private sealed class HandlerFailedException(InboundMessage message, Exception failure) : Exception(failure.Message, failure)
    {
        public InboundMessage Inbound { get; } = message;
    }

    private TagList Tags(ConsumeResult<string, byte[]> result) =>
        new() { { MessagingTelemetry.TopicTag, result.Topic }, { MessagingTelemetry.ConsumerGroupTag, GroupId } };

    // The original message, key, value and headers unchanged, plus why it failed and where it came from. A message is
    // never dropped: if the dead-letter topic cannot be written, this keeps trying and the partition waits.
    private async Task DeadLetterAsync(ConsumeResult<string, byte[]> result, string reason, Exception exception, CancellationToken cancellationToken)
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

        var tags = Tags(result);
        tags.Add(MessagingTelemetry.ReasonTag, reason);
        MessagingTelemetry.DeadLettered.Add(1, tags);
        LogDeadLettered(result.TopicPartitionOffset, deadLetterTopic, reason, exception.Message);
    }

    // The last message of each partition: its offset covers the batch's earlier ones, all applied or dead-lettered.
    private void StoreOffsets(List<ConsumeResult<string, byte[]>> batch)
    {
        foreach (var result in batch.GroupBy(r => r.TopicPartition).Select(p => p.MaxBy(r => r.Offset.Value)!))
        {
            try
            {
                consumer.StoreOffset(result);
            }
            catch (KafkaException exception)
            {
                // The partition moved to another member while this one handled the batch; that member gets the
                // messages again, and the inbox there sees which have been applied.
                LogStoreOffsetFailed(exception, result.TopicPartitionOffset, exception.Error.Reason);
            }
        }
    }

    private static void AddHeader(Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));
}

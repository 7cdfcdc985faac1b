using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Outbox;
using Ordering.Api.Domain;
using Ordering.Api.Infrastructure;

namespace Ordering.Api.Saga;

/// <summary>
/// Carries out a saga decision inside the caller's transaction: the order's events and read-model row, the messages
/// (outbox), and the deadline row, all saved by one SaveChanges. Used by checkout, the reply handlers and the sweeper.
/// </summary>
public sealed class SagaRunner(OrderingContext db, OrderStore store, IOutbox outbox, TimeProvider time)
{
    /// <summary>A new order: its first events and the saga's first step.</summary>
    public void Start(Order order, Func<Order, DateTimeOffset, SagaReaction> start)
    {
        var reaction = start(order, time.GetUtcNow());
        var sent = Send(order, reaction, causedBy: null);
        store.Append(order, new EventMetadata(sent.FirstOrDefault()?.CorrelationId, null));
        if (reaction.Deadline is { } due)
        {
            db.SagaDeadlines.Add(new SagaDeadline { OrderId = order.Id, DueAt = due, CorrelationId = sent[^1].CorrelationId, AwaitedMessageId = sent[^1].MessageId });
        }
    }

    /// <summary>
    /// An existing order's next step. The order's deadline row is locked first (when the saga still runs), so a reply
    /// and the sweeper decide for one order one at a time; the stream's version check still guards every append.
    /// </summary>
    /// <exception cref="UnknownOrderException">No such order: the message is retried, then dead-lettered, never dropped.</exception>
    public async Task ContinueAsync(Guid orderId, Func<Order, DateTimeOffset, SagaReaction> decide, EventEnvelope? causedBy, CancellationToken cancellationToken)
    {
        var (loaded, deadline) = await store.LoadForStepAsync(orderId, cancellationToken);
        var order = loaded ?? throw new UnknownOrderException(orderId);

        // A timeout's compensations continue the saga's flow, caused by the command that went unanswered.
        causedBy ??= deadline is null ? null : new EventEnvelope(deadline.AwaitedMessageId, "", time.GetUtcNow(), deadline.CorrelationId, null);
        var reaction = decide(order, time.GetUtcNow());
        if (reaction.Ignored)
        {
            // An order that ended another way (e.g. a concurrent writer) needs no timer: the sweeper must not find it again.
            if (deadline is not null && order.IsFinal)
            {
                db.SagaDeadlines.Remove(deadline);
            }
            return;
        }

        var sent = Send(order, reaction, causedBy);
        store.Append(order, new EventMetadata(causedBy?.CorrelationId, causedBy?.MessageId));
        if (deadline is null)
        {
            return;
        }

        if (reaction.Deadline is { } due)
        {
            deadline.DueAt = due;
            deadline.AwaitedMessageId = sent[^1].MessageId;
        }
        else
        {
            db.SagaDeadlines.Remove(deadline);
        }
    }

    // The first message starts the flow when nothing caused it; the rest follow it, so one checkout is one correlation.
    private List<EventEnvelope> Send(Order order, SagaReaction reaction, EventEnvelope? causedBy)
    {
        List<EventEnvelope> sent = [];
        foreach (var message in reaction.Messages)
        {
            sent.Add(message.EnqueueTo(outbox, order.Id.ToString(), causedBy ?? sent.FirstOrDefault()));
        }
        return sent;
    }
}

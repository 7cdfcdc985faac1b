using System.Collections.Concurrent;
using System.Diagnostics;
using CloudNative.Messaging.Consuming;
using Microsoft.EntityFrameworkCore;

namespace CloudNative.Messaging.Tests.Infrastructure;

/// <summary>What a test makes the handler do: fail some attempts (after writing its effect, which then rolls back).</summary>
public sealed class HandlerBehavior
{
    private readonly ConcurrentDictionary<Guid, int> attempts = new();
    private readonly ConcurrentDictionary<Guid, ActivityTraceId> traces = new();
    private readonly ConcurrentDictionary<Guid, long> transactions = new();

    public Func<OrderPlaced, MessageContext, bool> Fails { get; init; } = static (_, _) => false;

    public int AttemptsOf(Guid messageId) => attempts.GetValueOrDefault(messageId);

    /// <summary>The trace the handler ran in, on its last attempt.</summary>
    public ActivityTraceId? TraceOf(Guid messageId) => traces.TryGetValue(messageId, out var trace) ? trace : null;

    /// <summary>The database transaction the handler ran in, on its last attempt: messages of one batch share it.</summary>
    public long TransactionOf(Guid messageId) => transactions[messageId];

    internal void Attempted(Guid messageId, long transaction)
    {
        attempts.AddOrUpdate(messageId, 1, static (_, n) => n + 1);
        transactions[messageId] = transaction;
        if (Activity.Current is { } activity)
        {
            traces[messageId] = activity.TraceId;
        }
    }
}

public sealed class HandlerFailedException(string message) : Exception(message);

internal sealed class OrderPlacedHandler(TestDbContext db, HandlerBehavior behavior) : IMessageHandler<OrderPlaced>
{
    public async Task HandleAsync(OrderPlaced message, MessageContext context, CancellationToken cancellationToken)
    {
        // The lane's transaction.
        var transaction = await db.Database.SqlQuery<long>($"SELECT txid_current() AS \"Value\"").SingleAsync(cancellationToken);
        behavior.Attempted(context.Envelope.MessageId, transaction);
        db.Applied.Add(new AppliedMessage { MessageId = context.Envelope.MessageId, OrderId = message.OrderId, Sequence = message.Sequence });
        if (behavior.Fails(message, context))
        {
            throw new HandlerFailedException($"order {message.OrderId} #{message.Sequence} refused (attempt {context.Attempt})");
        }
    }
}

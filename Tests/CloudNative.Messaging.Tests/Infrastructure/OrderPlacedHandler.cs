using System.Collections.Concurrent;
using System.Diagnostics;
using CloudNative.Messaging.Consuming;

namespace CloudNative.Messaging.Tests.Infrastructure;

/// <summary>What a test makes the handler do: fail some attempts (after writing its effect, which then rolls back).</summary>
public sealed class HandlerBehavior
{
    private readonly ConcurrentDictionary<Guid, int> attempts = new();
    private readonly ConcurrentDictionary<Guid, ActivityTraceId> traces = new();

    public Func<OrderPlaced, MessageContext, bool> Fails { get; init; } = static (_, _) => false;

    public int AttemptsOf(Guid messageId) => attempts.GetValueOrDefault(messageId);

    /// <summary>The trace the handler ran in, on its last attempt.</summary>
    public ActivityTraceId? TraceOf(Guid messageId) => traces.TryGetValue(messageId, out var trace) ? trace : null;

    internal void Attempted(Guid messageId)
    {
        attempts.AddOrUpdate(messageId, 1, static (_, n) => n + 1);
        if (Activity.Current is { } activity)
        {
            traces[messageId] = activity.TraceId;
        }
    }
}

public sealed class HandlerFailedException(string message) : Exception(message);

internal sealed class OrderPlacedHandler(TestDbContext db, HandlerBehavior behavior) : IMessageHandler<OrderPlaced>
{
    public Task HandleAsync(OrderPlaced message, MessageContext context, CancellationToken cancellationToken)
    {
        behavior.Attempted(context.Envelope.MessageId);
        db.Applied.Add(new AppliedMessage { MessageId = context.Envelope.MessageId, OrderId = message.OrderId, Sequence = message.Sequence });
        return behavior.Fails(message, context)
            ? throw new HandlerFailedException($"order {message.OrderId} #{message.Sequence} refused (attempt {context.Attempt})")
            : Task.CompletedTask;
    }
}

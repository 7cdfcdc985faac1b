using CloudNative.Messaging.Consuming;
using CloudNative.Messaging.Envelope;
using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.ServiceTests;

/// <summary>Runs a service's handler as its consumer host would, minus the inbox, so tests can run many at once.</summary>
public static class DirectHandling
{
    /// <summary>A scope, a transaction (inside the context's execution strategy), the handler, save, commit.</summary>
    public static async Task HandleAsync<TContext, TMessage, THandler>(IServiceProvider services, string topic, TMessage message)
        where TContext : DbContext
        where THandler : IMessageHandler<TMessage>
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var envelope = EventEnvelope.Create("direct", DateTimeOffset.UtcNow, causedBy: null);
        await context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            await scope.ServiceProvider.GetRequiredService<THandler>()
                .HandleAsync(message, new MessageContext(envelope, null, new TopicPartitionOffset(topic, 0, 0), 1), ct);
            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, CancellationToken.None);
    }
}

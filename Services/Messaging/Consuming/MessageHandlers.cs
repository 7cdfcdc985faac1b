using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Messaging.Consuming;

/// <summary>The consumer's handlers by message type, each resolved from the message's own scope.</summary>
public sealed class MessageHandlers
{
    private readonly Dictionary<Type, Func<IServiceProvider, object, MessageContext, CancellationToken, Task>> handlers = [];

    internal MessageHandlers(IServiceCollection services) => Services = services;

    private IServiceCollection Services { get; }

    public MessageHandlers AddHandler<TMessage, THandler>()
        where TMessage : notnull
        where THandler : class, IMessageHandler<TMessage>
    {
        if (!handlers.TryAdd(typeof(TMessage), static (services, message, context, cancellationToken) =>
                services.GetRequiredService<THandler>().HandleAsync((TMessage)message, context, cancellationToken)))
        {
            throw new InvalidOperationException($"{typeof(TMessage)} already has a handler.");
        }

        Services.AddScoped<THandler>();
        return this;
    }

    internal bool TryGet(Type messageType, out Func<IServiceProvider, object, MessageContext, CancellationToken, Task> handler) =>
        handlers.TryGetValue(messageType, out handler!);
}

using System.Text.Json.Serialization.Metadata;
using CloudNative.Messaging.Consuming;
using CloudNative.Messaging.Inbox;
using CloudNative.Messaging.Outbox;
using CloudNative.Messaging.Retention;
using CloudNative.Messaging.Serialization;
using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Messaging;

/// <summary>Composes a service's messaging: its message types, its outbox, its consumer. See the project's README.</summary>
public sealed class MessagingBuilder
{
    private readonly IHostApplicationBuilder builder;
    private readonly string connectionName;
    private readonly MessageTypes types;

    internal MessagingBuilder(IHostApplicationBuilder builder, string connectionName, MessageTypes types)
    {
        this.builder = builder;
        this.connectionName = connectionName;
        this.types = types;
    }

    /// <param name="name">The message-type header value; keep it stable, it is the contract with other services.</param>
    /// <param name="typeInfo">From the service's JsonSerializerContext, e.g. OrderingJsonContext.Default.OrderPlaced.</param>
    public MessagingBuilder AddMessageType<TMessage>(string name, JsonTypeInfo<TMessage> typeInfo)
    {
        types.Add(name, typeInfo);
        return this;
    }

    /// <summary>
    /// <see cref="IOutbox"/> over <typeparamref name="TContext"/> (whose model calls <c>modelBuilder.AddOutbox()</c>, and
    /// whose migrations <c>migrationBuilder.AddOutboxNotification()</c>) and the relay that publishes it. Call after
    /// registering the DbContext.
    /// </summary>
    public MessagingBuilder AddOutbox<TContext>(Action<OutboxOptions>? configure = null)
        where TContext : DbContext
    {
        var options = new OutboxOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PublishedRetention, TimeSpan.Zero, nameof(options.PublishedRetention));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.TakeoverInterval, TimeSpan.Zero, nameof(options.TakeoverInterval));

        builder.Services.AddScoped<IOutbox, Outbox<TContext>>();
        builder.Services.AddHostedService(services => new OutboxRelay<TContext>(
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredKeyedService<IProducer<string, byte[]>>(connectionName),
            options,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<OutboxRelay<TContext>>>()));
        AddRetention(new RetentionPolicy<TContext>("published outbox messages", options.PublishedRetention, static (context, cutoff, batch, ct) =>
            context.Set<OutboxMessage>().Where(m => m.PublishedAt < cutoff).OrderBy(m => m.Id).Take(batch).ExecuteDeleteAsync(ct)));
        return this;
    }

    /// <summary>
    /// A consumer group that applies messages from <paramref name="topics"/> exactly once through
    /// <typeparamref name="TContext"/> (whose model calls <c>modelBuilder.AddInbox()</c>). One per service: the Kafka
    /// consumer is ServiceDefaults' keyed client, keyed by the connection name.
    /// </summary>
    public MessagingBuilder AddConsumer<TContext>(string groupId, IEnumerable<string> topics, Action<MessageHandlers> handlers,
        Action<MessageConsumerOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        if (builder.Services.Any(d => d.IsKeyedService && Equals(d.ServiceKey, connectionName) && d.ServiceType == typeof(IConsumer<string, byte[]>)))
        {
            throw new InvalidOperationException($"A messaging consumer on '{connectionName}' is already registered; one consumer group per service.");
        }

        var handlerSet = new MessageHandlers(builder.Services);
        handlers(handlerSet);
        var options = new MessageConsumerOptions();
        configure?.Invoke(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options.MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.InboxRetention, TimeSpan.Zero, nameof(options.InboxRetention));
        var registration = new ConsumerRegistration(groupId, [.. topics], handlerSet, options);
        if (registration.Topics.Count == 0)
        {
            throw new ArgumentException("A consumer needs at least one topic.", nameof(topics));
        }

        builder.AddKeyedKafkaConsumer<string, byte[]>(connectionName, settings =>
        {
            var config = settings.Config;
            config.GroupId = groupId;
            // Offsets are stored by the host only after a message's effect (or its dead letter) is durable;
            // librdkafka then commits what is stored, every auto.commit.interval.ms and when the consumer closes.
            config.EnableAutoOffsetStore = false;
            config.EnableAutoCommit = true;
            // A group's first start reads what was sent before it existed: commands and events are not optional.
            config.AutoOffsetReset ??= AutoOffsetReset.Earliest;
            // KIP-848: a member joining or leaving moves partitions within a heartbeat or two (about 2 s on the dev
            // broker), where the classic protocol's rebalance stalls the whole group; the dev broker holds each classic
            // rebalance for session.timeout.ms - 1 s (44 s by default). Kafka 4.0+ brokers (the manifest's
            // confluent-local 8.x) serve it. Configuration may still choose Classic.
            config.GroupProtocol ??= GroupProtocol.Consumer;
            // The dev broker (librdkafka's mock cluster) answers a fetch that found nothing only after fetch.wait.max.ms,
            // even when messages arrive meanwhile: at the default 500 ms every hop waited 250 ms on average, under load
            // too. A real broker answers as soon as data arrives, so there a short wait costs only more empty fetches
            // while idle. 50 ms: 20 ms cost the dev broker about 0.15 of a core in empty fetches, on a 2-core machine.
            config.FetchWaitMaxMs ??= 50;
        });
        builder.Services.AddHostedService(services => new MessageConsumerHost<TContext>(
            registration,
            services.GetRequiredKeyedService<IConsumer<string, byte[]>>(connectionName),
            services.GetRequiredKeyedService<IProducer<string, byte[]>>(connectionName),
            types,
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<MessageConsumerHost<TContext>>>()));
        AddRetention(new RetentionPolicy<TContext>($"inbox ids of group {groupId}", options.InboxRetention, (context, cutoff, batch, ct) =>
            context.Set<InboxMessage>().Where(m => m.ConsumerGroup == groupId && m.ProcessedAt < cutoff)
                .OrderBy(m => m.MessageId).Take(batch).ExecuteDeleteAsync(ct)));
        return this;
    }

    // One pruner per DbContext type (AddHostedService adds a type once), running every policy registered for it.
    private void AddRetention<TContext>(RetentionPolicy<TContext> policy)
        where TContext : DbContext
    {
        builder.Services.AddSingleton(policy);
        builder.Services.AddHostedService<RetentionPruner<TContext>>();
    }
}

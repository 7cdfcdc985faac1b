using System.Diagnostics;
using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Outbox;
using CloudNative.Messaging.Serialization;
using CloudNative.Messaging.Telemetry;
using CloudNative.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CloudNative.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class OutboxTests(MessagingFixture fixture, ITestOutputHelper output)
{
    private readonly TopicReader topics = new(fixture.BootstrapServers);

    [Fact]
    public async Task Enqueue_CommitsWithTheStateChange_AndNeverWithoutIt()
    {
        // Not started: no relay, so the rows stay where the transaction left them.
        await using var service = ServiceInstance.Create(fixture, await fixture.CreateDatabaseAsync(), output, "service", m => m.AddOutbox<TestDbContext>());

        // Rolled back: neither the order nor its message.
        await service.InScopeAsync(async (context, outbox) =>
            await context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await context.Database.BeginTransactionAsync();
                context.Orders.Add(new Order { Id = "rolled-back" });
                outbox.Enqueue("relay-order", "rolled-back", new OrderPlaced("rolled-back", 1));
                await context.SaveChangesAsync();
                Assert.Equal(1, await context.Set<OutboxMessage>().CountAsync());
                await transaction.RollbackAsync();
                return 0;
            }));
        Assert.Equal((0, 0), await CountsAsync(service));

        // Committed: both.
        await service.InScopeAsync(async (context, outbox) =>
        {
            context.Orders.Add(new Order { Id = "order-1" });
            outbox.Enqueue("relay-order", "order-1", new OrderPlaced("order-1", 1));
            return await context.SaveChangesAsync();
        });
        Assert.Equal((1, 1), await CountsAsync(service));

        // The state change fails (the order exists): its message is not written either.
        await Assert.ThrowsAsync<DbUpdateException>(() => service.InScopeAsync(async (context, outbox) =>
        {
            context.Orders.Add(new Order { Id = "order-1" });
            outbox.Enqueue("relay-order", "order-1", new OrderPlaced("order-1", 2));
            return await context.SaveChangesAsync();
        }));
        Assert.Equal((1, 1), await CountsAsync(service));
    }

    [Fact]
    public async Task Relay_PublishesEachKeyInOrder_AndMarksTheRows()
    {
        const string topic = "relay-order";
        string[] keys = ["order-a", "order-b", "order-c", "order-d"];
        const int perKey = 15;
        using var metrics = new MessagingMetrics();
        // No polling to speak of: only the commit notifications can wake the relay in time for this test.
        await using var service = ServiceInstance.Create(fixture, await fixture.CreateDatabaseAsync(), output, "service",
            m => m.AddOutbox<TestDbContext>(o => o.PollInterval = TimeSpan.FromHours(1)));
        await service.StartAsync();

        // The keys' writers run concurrently, each key's one after the other, a transaction per message.
        await Task.WhenAll(keys.Select(key => Task.Run(async () =>
        {
            for (var sequence = 1; sequence <= perKey; sequence++)
            {
                await service.InScopeAsync((context, outbox) =>
                {
                    outbox.Enqueue(topic, key, new OrderPlaced(key, sequence));
                    return context.SaveChangesAsync();
                });
            }
        })));

        var messages = await topics.ReadAllAsync(topic, keys.Length * perKey);
        Assert.Equal(keys.Length * perKey, messages.Count);
        Assert.Equal(messages.Count, messages.Select(m => TopicReader.Header(m, EnvelopeHeaders.MessageId)).Distinct().Count());
        var types = new MessageTypes().Add("order-placed", TestJsonContext.Default.OrderPlaced);
        foreach (var key in keys)
        {
            var ofKey = messages.Where(m => m.Message.Key == key).ToList();
            Assert.Single(ofKey.Select(m => m.Partition).Distinct());
            Assert.Equal(Enumerable.Range(1, perKey), ofKey.OrderBy(m => m.Offset.Value).Select(m => ((OrderPlaced)types.Deserialize("order-placed", m.Message.Value)).Sequence));
        }

        await Eventually.WaitForAsync(() => service.InScopeAsync(context => context.Set<OutboxMessage>().CountAsync(m => m.PublishedAt == null)),
            unpublished => unpublished == 0, "every outbox row marked published");
        Assert.Equal(keys.Length * perKey, metrics.Sum("cloudnative.messaging.outbox.published", MessagingTelemetry.TopicTag, topic));
    }

    [Fact]
    public async Task PublishedMessage_CarriesTheEnvelope_AndTheEnqueuingTraceOnToTheHandler()
    {
        const string topic = "roundtrip";
        using var source = new ActivitySource("CloudNative.Messaging.Tests");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        // Woken only by the notification sent when the explicit transaction below commits. The service also consumes
        // the topic, to see the handler run in the same trace.
        var behavior = new HandlerBehavior();
        await using var service = ServiceInstance.Create(fixture, await fixture.CreateDatabaseAsync(), output, "service",
            m => m.AddOutbox<TestDbContext>(o => o.PollInterval = TimeSpan.FromHours(1))
                .AddConsumer<TestDbContext>("roundtrip", [topic], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>()),
            behavior);
        await service.StartAsync();

        var cause = EventEnvelope.Create("order-placed", DateTimeOffset.UtcNow.AddSeconds(-1), causedBy: null);
        using var request = source.StartActivity("handle request")!;
        request.TraceStateString = "cloudnative=test";
        var sent = await service.InScopeAsync((context, outbox) => context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.Orders.Add(new Order { Id = "order-7" });
            var envelope = outbox.Enqueue(topic, "order-7", new OrderPlaced("order-7", 1), causedBy: cause);
            await context.SaveChangesAsync();
            await transaction.CommitAsync();
            return envelope;
        }));
        request.Stop();

        var message = Assert.Single(await topics.ReadAllAsync(topic, 1));
        Assert.Equal("order-7", message.Message.Key);
        Assert.Equal(sent, EventEnvelope.ReadFrom(message.Message.Headers));
        Assert.Equal("order-placed", TopicReader.Header(message, EnvelopeHeaders.MessageType));
        Assert.Equal(cause.CorrelationId, sent.CorrelationId);
        Assert.Equal(cause.MessageId, sent.CausationId);
        // The relay's publish runs later, on its own, but in the trace of the request that enqueued the message.
        Assert.True(ActivityContext.TryParse(TopicReader.Header(message, EnvelopeHeaders.TraceParent), TopicReader.Header(message, EnvelopeHeaders.TraceState),
            out var traceContext));
        Assert.Equal(request.TraceId, traceContext.TraceId);
        Assert.Equal("cloudnative=test", traceContext.TraceState);
        var types = new MessageTypes().Add("order-placed", TestJsonContext.Default.OrderPlaced);
        Assert.Equal(new OrderPlaced("order-7", 1), types.Deserialize("order-placed", message.Message.Value));

        // The consumer's handler continues that trace too: request, relay, Kafka, handler.
        await Eventually.WaitUntilAsync(() => behavior.TraceOf(sent.MessageId) is not null, "the handler to run");
        Assert.Equal(request.TraceId, behavior.TraceOf(sent.MessageId));
    }

    private static Task<(int Orders, int Messages)> CountsAsync(ServiceInstance service) =>
        service.InScopeAsync(async context => (await context.Orders.CountAsync(), await context.Set<OutboxMessage>().CountAsync()));
}

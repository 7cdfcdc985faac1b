using System.Diagnostics;
using System.Text;
using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Telemetry;
using CloudNative.Messaging.Tests.Infrastructure;
using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CloudNative.Messaging.Tests;

[Collection(MessagingCollection.Name)]
public sealed class ConsumerTests(MessagingFixture fixture, ITestOutputHelper output)
{
    private readonly TopicReader topics = new(fixture.BootstrapServers);

    [Fact]
    public async Task TransientFailure_IsRetried_ThenAppliedOnce()
    {
        const string topic = "consume-retry";
        const string group = "retry";
        using var metrics = new MessagingMetrics();
        var behavior = new HandlerBehavior { Fails = static (_, context) => context.Attempt <= 2 };
        await using var service = await StartConsumerAsync(topic, group, behavior);

        var (sent, _) = await topics.SendAsync(topic, "order-1", new OrderPlaced("order-1", 1));

        await WaitForAppliedAsync(service, 1);
        Assert.Equal(3, behavior.AttemptsOf(sent.MessageId));
        Assert.Equal(2, metrics.ForGroup("cloudnative.messaging.consumer.retried", group));
        Assert.Equal(1, metrics.ForGroup("cloudnative.messaging.consumer.consumed", group));
        Assert.Equal(0, topics.Count(topic + ".dlt"));
    }

    [Fact]
    public async Task PermanentFailure_GoesToTheDeadLetterTopicWithItsError_AndThePartitionMovesOn()
    {
        const string topic = "consume-dlt";
        const string group = "dlt";
        using var metrics = new MessagingMetrics();
        var behavior = new HandlerBehavior { Fails = static (message, _) => message.Sequence == 1 };
        await using var service = await StartConsumerAsync(topic, group, behavior);

        var (failing, source) = await topics.SendAsync(topic, "order-1", new OrderPlaced("order-1", 1));
        var (next, nextSource) = await topics.SendAsync(topic, "order-1", new OrderPlaced("order-1", 2));
        Assert.Equal(source.TopicPartition, nextSource.TopicPartition);

        await WaitForAppliedAsync(service, 1);
        var deadLetter = Assert.Single(await topics.ReadAllAsync(topic + ".dlt", 1));
        Assert.Equal(MaxAttempts, behavior.AttemptsOf(failing.MessageId));
        Assert.Equal(1, behavior.AttemptsOf(next.MessageId));
        Assert.Equal([2], await service.InScopeAsync(context => context.Applied.Select(a => a.Sequence).ToListAsync()));

        AssertDeadLetter(deadLetter, source, group, MessagingTelemetry.FailedReason, typeof(HandlerFailedException));
        Assert.Contains($"refused (attempt {MaxAttempts})", TopicReader.Header(deadLetter, EnvelopeHeaders.DeadLetterErrorMessage));
        Assert.Equal(failing, EventEnvelope.ReadFrom(deadLetter.Message.Headers));
        Assert.Equal("order-1", deadLetter.Message.Key);
        Assert.Equal(1, metrics.ForGroup("cloudnative.messaging.consumer.dead_lettered", group, MessagingTelemetry.FailedReason));
        Assert.Equal(MaxAttempts - 1, metrics.ForGroup("cloudnative.messaging.consumer.retried", group));
    }

    [Fact]
    public async Task PoisonMessages_GoToTheDeadLetterTopicAtOnce_AndAreCounted()
    {
        const string topic = "consume-poison";
        const string group = "poison";
        using var metrics = new MessagingMetrics();
        var behavior = new HandlerBehavior();
        await using var service = await StartConsumerAsync(topic, group, behavior);

        var badJson = await topics.SendRawAsync(topic, "order-1", Encoding.UTF8.GetBytes("""{"OrderId":"order-1","Sequence":"""), Envelope("order-placed"), partition: 0);
        var unknownType = await topics.SendRawAsync(topic, "order-1", Encoding.UTF8.GetBytes("""{"OrderId":"order-1"}"""), Envelope("order-cancelled"), partition: 0);
        var noEnvelope = await topics.SendRawAsync(topic, "order-1", Encoding.UTF8.GetBytes("""{"OrderId":"order-1","Sequence":1}"""), headers: null, partition: 0);
        // A registered type this consumer has no handler for is passed over deliberately: counted, not dead-lettered.
        await topics.SendAsync(topic, "order-1", new OrderShipped("order-1"), partition: 0);
        var (good, _) = await topics.SendAsync(topic, "order-1", new OrderPlaced("order-1", 2), partition: 0);

        await WaitForAppliedAsync(service, 1);
        Assert.Equal(1, behavior.AttemptsOf(good.MessageId));
        var deadLetters = await topics.ReadAllAsync(topic + ".dlt", 3);
        Assert.Equal(3, deadLetters.Count);
        foreach (var (deadLetter, source) in deadLetters.OrderBy(d => d.Offset.Value).Zip([badJson, unknownType, noEnvelope]))
        {
            AssertDeadLetter(deadLetter, source, group, MessagingTelemetry.PoisonReason, typeof(PoisonMessageException));
        }
        Assert.Contains("order-cancelled", TopicReader.Header(deadLetters.OrderBy(d => d.Offset.Value).ElementAt(1), EnvelopeHeaders.DeadLetterErrorMessage));
        Assert.Equal(3, metrics.ForGroup("cloudnative.messaging.consumer.dead_lettered", group, MessagingTelemetry.PoisonReason));
        Assert.Equal(1, metrics.ForGroup("cloudnative.messaging.consumer.ignored", group));
        Assert.Equal(0, metrics.ForGroup("cloudnative.messaging.consumer.retried", group));
    }

    [Fact]
    public async Task Offset_IsNotCommittedUntilTheEffectIs_SoARestartGetsTheMessageAgain()
    {
        const string topic = "consume-offset";
        const string group = "offset";
        var failing = new HandlerBehavior { Fails = static (_, _) => true };
        var (sent, source) = await topics.SendAsync(topic, "order-1", new OrderPlaced("order-1", 1));

        await using (var first = await StartConsumerAsync(topic, group, failing, maxAttempts: int.MaxValue))
        {
            await Eventually.WaitUntilAsync(() => failing.AttemptsOf(sent.MessageId) >= 3, "three failed attempts");
            Assert.True(topics.Committed(group, source.TopicPartition) <= source.Offset, "The offset was committed before the effect.");
            await first.StopAsync();
            Assert.True(topics.Committed(group, source.TopicPartition) <= source.Offset, "Stopping committed the offset of an unapplied message.");
            Assert.Equal(0, await first.InScopeAsync(context => context.Applied.CountAsync()));
        }

        var healthy = new HandlerBehavior();
        await using var restarted = await StartConsumerAsync(topic, group, healthy);
        await WaitForAppliedAsync(restarted, 1);
        Assert.Equal(1, healthy.AttemptsOf(sent.MessageId));
        await Eventually.WaitUntilAsync(() => topics.Committed(group, source.TopicPartition) == source.Offset + 1, "the offset committed after the effect");
    }

    [Fact]
    public async Task ASecondReplica_GetsPartitionsPromptly_AndBothApply()
    {
        const string topic = "consume-join";
        const string group = "join";
        var database = await fixture.CreateDatabaseAsync();
        var behaviorA = new HandlerBehavior();
        var behaviorB = new HandlerBehavior();
        await using var replicaA = await StartConsumerAsync(topic, group, behaviorA, database: database, name: "replica-a");
        await Eventually.WaitUntilAsync(() => replicaA.Assignment.Count == MessagingFixture.Partitions, "the first replica owning every partition");

        var joining = Stopwatch.StartNew();
        await using var replicaB = await StartConsumerAsync(topic, group, behaviorB, database: database, name: "replica-b");
        await Eventually.WaitUntilAsync(() => replicaA.Assignment.Count > 0 && replicaB.Assignment.Count > 0
            && replicaA.Assignment.Count + replicaB.Assignment.Count == MessagingFixture.Partitions, "the partitions split between the replicas");
        // A figure, not an assertion (no timing assertions): see the README for the protocol decision it informs.
        output.WriteLine($"Second member owned partitions {joining.ElapsedMilliseconds} ms after it started.");

        List<Guid> sent = [];
        for (var partition = 0; partition < MessagingFixture.Partitions; partition++)
        {
            sent.Add((await topics.SendAsync(topic, $"order-{partition}", new OrderPlaced($"order-{partition}", 1), partition)).Envelope.MessageId);
        }

        await WaitForAppliedAsync(replicaA, sent.Count);
        Assert.All(sent, id => Assert.Equal(1, behaviorA.AttemptsOf(id) + behaviorB.AttemptsOf(id)));
        Assert.Contains(sent, id => behaviorA.AttemptsOf(id) == 1);
        Assert.Contains(sent, id => behaviorB.AttemptsOf(id) == 1);
    }

    [Fact]
    public async Task ABatchWithAFailingMessage_CommitsTheOthersTogether_AndHoldsBackOnlyThatKey()
    {
        const string topic = "consume-batch";
        const string group = "batch";
        var behavior = new HandlerBehavior { Fails = static (message, _) => message is { OrderId: "order-b", Sequence: 1 } };
        var a = TopicReader.Enveloped(new OrderPlaced("order-a", 1));
        var failing = TopicReader.Enveloped(new OrderPlaced("order-b", 1));
        var afterFailing = TopicReader.Enveloped(new OrderPlaced("order-b", 2));
        var c = TopicReader.Enveloped(new OrderPlaced("order-c", 1));
        // Sent together before the consumer starts: its first poll takes them as one batch.
        await topics.SendTogetherAsync(topic, 0,
            ("order-a", a.Payload, a.Headers), ("order-b", failing.Payload, failing.Headers),
            ("order-b", afterFailing.Payload, afterFailing.Headers), ("order-c", c.Payload, c.Headers));
        await using var service = await StartConsumerAsync(topic, group, behavior);

        await WaitForAppliedAsync(service, 3);
        Assert.Single(await topics.ReadAllAsync(topic + ".dlt", 1));
        Assert.Equal(MaxAttempts, behavior.AttemptsOf(failing.Envelope.MessageId));
        // The failure rolled back the lane, with the message before it: that one was applied again, with the one after.
        Assert.Equal(2, behavior.AttemptsOf(a.Envelope.MessageId));
        Assert.All([afterFailing, c], sent => Assert.Equal(1, behavior.AttemptsOf(sent.Envelope.MessageId)));
        Assert.Equal(behavior.TransactionOf(a.Envelope.MessageId), behavior.TransactionOf(c.Envelope.MessageId));
        // The failing message's key waited for it: its next message came after the dead letter, in a later transaction.
        Assert.NotEqual(behavior.TransactionOf(a.Envelope.MessageId), behavior.TransactionOf(afterFailing.Envelope.MessageId));
        Assert.Equal([1, 1, 2], await service.InScopeAsync(context => context.Applied.OrderBy(m => m.Id).Select(m => m.Sequence).ToListAsync()));
    }

    [Fact]
    public async Task APoisonMessageInABatch_IsDeadLettered_AndTheRestCommitTogether()
    {
        const string topic = "consume-batch-poison";
        const string group = "batch-poison";
        using var metrics = new MessagingMetrics();
        var behavior = new HandlerBehavior();
        var first = TopicReader.Enveloped(new OrderPlaced("order-1", 1));
        var last = TopicReader.Enveloped(new OrderPlaced("order-3", 1));
        var sent = await topics.SendTogetherAsync(topic, 0,
            ("order-1", first.Payload, first.Headers), ("order-2", Encoding.UTF8.GetBytes("""{"OrderId":"""), Envelope("order-placed")),
            ("order-3", last.Payload, last.Headers));
        await using var service = await StartConsumerAsync(topic, group, behavior);

        await WaitForAppliedAsync(service, 2);
        var deadLetter = Assert.Single(await topics.ReadAllAsync(topic + ".dlt", 1));
        AssertDeadLetter(deadLetter, sent[1], group, MessagingTelemetry.PoisonReason, typeof(PoisonMessageException));
        Assert.Equal(behavior.TransactionOf(first.Envelope.MessageId), behavior.TransactionOf(last.Envelope.MessageId));
        Assert.Equal(2, metrics.ForGroup("cloudnative.messaging.consumer.consumed", group));
    }

    private const int MaxAttempts = 3;

    private async Task<ServiceInstance> StartConsumerAsync(string topic, string group, HandlerBehavior behavior, int maxAttempts = MaxAttempts,
        string? database = null, string name = "consumer")
    {
        var service = ServiceInstance.Create(fixture, database ?? await fixture.CreateDatabaseAsync(), output, name,
            m => m.AddConsumer<TestDbContext>(group, [topic], h => h.AddHandler<OrderPlaced, OrderPlacedHandler>(), o =>
            {
                o.MaxAttempts = maxAttempts;
                o.InitialBackoff = TimeSpan.FromMilliseconds(10);
                o.MaxBackoff = TimeSpan.FromMilliseconds(100);
            }),
            behavior);
        await service.StartAsync();
        return service;
    }

    private static Task WaitForAppliedAsync(ServiceInstance service, int count) =>
        Eventually.WaitForAsync(() => service.InScopeAsync(context => context.Applied.CountAsync()), applied => applied == count, $"{count} applied messages");

    private static Headers Envelope(string type)
    {
        var headers = new Headers();
        EventEnvelope.Create(type, DateTimeOffset.UtcNow, causedBy: null).WriteTo(headers);
        return headers;
    }

    private static void AssertDeadLetter(ConsumeResult<string, byte[]> deadLetter, TopicPartitionOffset source, string group, string reason, Type errorType)
    {
        Assert.Equal(reason, TopicReader.Header(deadLetter, EnvelopeHeaders.DeadLetterReason));
        Assert.Equal(errorType.FullName, TopicReader.Header(deadLetter, EnvelopeHeaders.DeadLetterErrorType));
        Assert.NotEmpty(TopicReader.Header(deadLetter, EnvelopeHeaders.DeadLetterErrorMessage));
        Assert.Equal(source.Topic, TopicReader.Header(deadLetter, EnvelopeHeaders.DeadLetterOriginalTopic));
        Assert.Equal(source.Partition.Value.ToString(), TopicReader.Header(deadLetter, EnvelopeHeaders.DeadLetterOriginalPartition));
        Assert.Equal(source.Offset.Value.ToString(), TopicReader.Header(deadLetter, EnvelopeHeaders.DeadLetterOriginalOffset));
        Assert.Equal(group, TopicReader.Header(deadLetter, EnvelopeHeaders.DeadLetterConsumerGroup));
    }
}

using System.Collections.Concurrent;
using CloudNative.Contracts;
using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Serialization;
using Confluent.Kafka;

namespace Ordering.Api.Tests.Infrastructure;

/// <summary>
/// Plays Catalog's and Payments' part of the saga over the real broker: consumes their command topics and answers
/// as those services would, by a script: a line of <see cref="RejectedProduct"/> is short of stock, one of
/// <see cref="SilentProduct"/> gets no answer; a user whose id starts with "declined" is declined, "silent" gets
/// no payment answer; every other product costs 1.5 × its id. Every command received is kept for assertions.
/// </summary>
public sealed class SagaParticipants : IAsyncDisposable
{
    public const int RejectedProduct = 113;
    public const int SilentProduct = 114;

    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private readonly IProducer<string, byte[]> producer;
    private readonly IConsumer<string, byte[]> consumer;

    /// <param name="types">The contracts' message types, as the service registered them.</param>
    public SagaParticipants(string bootstrapServers, MessageTypes types)
    {
        Types = types;
        producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true, Acks = Acks.All }).Build();
        consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "test-participants",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            GroupProtocol = GroupProtocol.Consumer,
        }).Build();
        consumer.Subscribe([Topics.CatalogCommands, Topics.PaymentCommands]);
        loop = Task.Factory.StartNew(RunAsync, TaskCreationOptions.LongRunning).Unwrap();
    }

    private MessageTypes Types { get; }

    /// <summary>Every command received, by order id.</summary>
    public ConcurrentDictionary<Guid, ConcurrentQueue<object>> Received { get; } = new();

    public IReadOnlyList<object> ReceivedFor(Guid orderId) => [.. Received.GetValueOrDefault(orderId, new())];

    /// <summary>Sends a reply as the participant services would, envelope and key included.</summary>
    public async Task SendAsync<TMessage>(string topic, Guid orderId, TMessage message)
    {
        var (type, payload) = Types.Serialize(message);
        var headers = new Headers();
        EventEnvelope.Create(type, DateTimeOffset.UtcNow, causedBy: null).WriteTo(headers);
        await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = orderId.ToString(), Value = payload, Headers = headers });
    }

    private async Task RunAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            ConsumeResult<string, byte[]> result;
            try
            {
                result = consumer.Consume(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var envelope = EventEnvelope.ReadFrom(result.Message.Headers);
            var command = Types.Deserialize(envelope.MessageType, result.Message.Value);
            var orderId = Guid.Parse(result.Message.Key);
            Received.GetOrAdd(orderId, _ => new()).Enqueue(command);
            await AnswerAsync(orderId, command);
        }
    }

    private Task AnswerAsync(Guid orderId, object command) => command switch
    {
        ReserveStock { Lines: var lines } when lines.Any(l => l.ProductId == SilentProduct) => Task.CompletedTask,
        ReserveStock { Lines: var lines } when lines.Any(l => l.ProductId == RejectedProduct) =>
            SendAsync(Topics.CatalogEvents, orderId, new StockRejected(orderId, [RejectedProduct], "out of stock")),
        ReserveStock reserve => SendAsync(Topics.CatalogEvents, orderId,
            new StockReserved(orderId, [.. reserve.Lines.Select(l => new ReservedLine(l.ProductId, l.Quantity, 1.5m * l.ProductId))])),
        ReleaseStock => SendAsync(Topics.CatalogEvents, orderId, new StockReleased(orderId)),
        AuthorizePayment { UserId: var user } when user.StartsWith("silent", StringComparison.Ordinal) => Task.CompletedTask,
        AuthorizePayment { UserId: var user } when user.StartsWith("declined", StringComparison.Ordinal) =>
            SendAsync(Topics.PaymentEvents, orderId, new PaymentDeclined(orderId, "card declined")),
        AuthorizePayment authorize => SendAsync(Topics.PaymentEvents, orderId, new PaymentAuthorized(orderId, Guid.NewGuid(), authorize.Amount, authorize.Currency)),
        RefundPayment => SendAsync(Topics.PaymentEvents, orderId, new PaymentRefunded(orderId, Guid.NewGuid())),
        _ => Task.CompletedTask,
    };

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await loop;
        consumer.Close();
        consumer.Dispose();
        producer.Dispose();
        stopping.Dispose();
    }
}

using CloudNative.Contracts;
using CloudNative.Messaging.Consuming;

namespace Ordering.Api.Saga;

/// <summary>The catalog's and payments' replies, each moving its order's saga on (inside the consumer's transaction).</summary>
public sealed class CheckoutSagaHandler(SagaRunner runner, CheckoutSaga saga) :
    IMessageHandler<StockReserved>,
    IMessageHandler<StockRejected>,
    IMessageHandler<StockReleased>,
    IMessageHandler<PaymentAuthorized>,
    IMessageHandler<PaymentDeclined>,
    IMessageHandler<PaymentRefunded>
{
    public Task HandleAsync(StockReserved message, MessageContext context, CancellationToken cancellationToken) =>
        runner.ContinueAsync(message.OrderId, (order, now) => saga.OnStockReserved(order, message, now), context.Envelope, cancellationToken);

    public Task HandleAsync(StockRejected message, MessageContext context, CancellationToken cancellationToken) =>
        runner.ContinueAsync(message.OrderId, (order, now) => saga.OnStockRejected(order, message, now), context.Envelope, cancellationToken);

    public Task HandleAsync(StockReleased message, MessageContext context, CancellationToken cancellationToken) =>
        runner.ContinueAsync(message.OrderId, saga.OnStockReleased, context.Envelope, cancellationToken);

    public Task HandleAsync(PaymentAuthorized message, MessageContext context, CancellationToken cancellationToken) =>
        runner.ContinueAsync(message.OrderId, (order, now) => saga.OnPaymentAuthorized(order, message, now), context.Envelope, cancellationToken);

    public Task HandleAsync(PaymentDeclined message, MessageContext context, CancellationToken cancellationToken) =>
        runner.ContinueAsync(message.OrderId, (order, now) => saga.OnPaymentDeclined(order, message, now), context.Envelope, cancellationToken);

    public Task HandleAsync(PaymentRefunded message, MessageContext context, CancellationToken cancellationToken) =>
        runner.ContinueAsync(message.OrderId, (order, now) => saga.OnPaymentRefunded(order, message, now), context.Envelope, cancellationToken);

    public static void Register(MessageHandlers handlers) => handlers
        .AddHandler<StockReserved, CheckoutSagaHandler>()
        .AddHandler<StockRejected, CheckoutSagaHandler>()
        .AddHandler<StockReleased, CheckoutSagaHandler>()
        .AddHandler<PaymentAuthorized, CheckoutSagaHandler>()
        .AddHandler<PaymentDeclined, CheckoutSagaHandler>()
        .AddHandler<PaymentRefunded, CheckoutSagaHandler>();
}

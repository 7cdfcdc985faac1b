using CloudNative.Contracts;
using Microsoft.Extensions.Options;
using Ordering.Api.Domain;
using Ordering.Api.Extensions;

namespace Ordering.Api.Saga;

/// <summary>
/// The checkout saga's decisions, orchestrated by Ordering: reserve stock → authorize payment → confirm. Its state is
/// the order's status (persisted as the order's events) plus the step's deadline (<c>SagaDeadlines</c>); each method
/// takes the order as loaded, lets it record what happened, and says what to send next. Pure: no I/O, so every
/// path is a unit test.
/// <para>
/// Compensation relies on per-order ordering: every command is keyed by the order id, so Catalog sees a ReleaseStock
/// after the ReserveStock it undoes, and Payments a RefundPayment after the AuthorizePayment, even when the deadline
/// fired before their answer came. Both commands are defined as harmless when there is nothing to undo.
/// </para>
/// </summary>
public sealed class CheckoutSaga(IOptions<OrderingOptions> options)
{
    private TimeSpan Timeout => options.Value.SagaTimeout;

    private string Currency => options.Value.Currency;

    /// <summary>A new order: announce it and ask the catalog to reserve its stock.</summary>
    public SagaReaction Start(Order order, DateTimeOffset now)
    {
        var lines = order.Items.Select(i => new OrderLine(i.ProductId, i.Quantity)).ToList();
        return new(
            [
                new SagaMessage<OrderSubmitted>(Topics.OrderEvents, new(order.Id, order.UserId, lines)),
                new SagaMessage<ReserveStock>(Topics.CatalogCommands, new(order.Id, lines)),
            ],
            now + Timeout);
    }

    public SagaReaction OnStockReserved(Order order, StockReserved reply, DateTimeOffset now)
    {
        var items = reply.Lines.Select(l => new PricedItem(l.ProductId, l.Quantity, l.UnitPrice)).ToList();
        return order.ReserveStock(items, Currency, now)
            ? new([new SagaMessage<AuthorizePayment>(Topics.PaymentCommands, new(order.Id, order.UserId, order.Total!.Value, Currency))], now + Timeout)
            : SagaReaction.None;
    }

    /// <summary>Nothing was reserved, so nothing is to be undone.</summary>
    public SagaReaction OnStockRejected(Order order, StockRejected reply, DateTimeOffset now) =>
        order.Status == OrderStatus.Submitted
            ? Cancel(order, $"Stock rejected: {reply.Reason} (products {string.Join(", ", reply.ProductIds)})", now, releaseStock: false, refundPayment: false)
            : SagaReaction.None;

    /// <summary>The last step: ordering's own confirmation, which cannot fail, so it follows the payment at once.</summary>
    public SagaReaction OnPaymentAuthorized(Order order, PaymentAuthorized reply, DateTimeOffset now) =>
        order.AuthorizePayment(reply.PaymentId, reply.Amount, reply.Currency, now) && order.Confirm(now)
            ? new([new SagaMessage<OrderConfirmed>(Topics.OrderEvents, new(order.Id, order.Total!.Value, order.Currency!))], null)
            : SagaReaction.None;

    /// <summary>Nothing was charged; the reserved stock goes back.</summary>
    public SagaReaction OnPaymentDeclined(Order order, PaymentDeclined reply, DateTimeOffset now) =>
        order.Status == OrderStatus.StockReserved
            ? Cancel(order, $"Payment declined: {reply.Reason}", now, releaseStock: true, refundPayment: false)
            : SagaReaction.None;

    /// <summary>
    /// No answer in time: cancel, and undo whatever the unanswered command may have done as well as what the earlier
    /// steps did. Waiting for stock, the reservation may have happened; waiting for payment, the charge may have.
    /// </summary>
    public SagaReaction OnDeadline(Order order, DateTimeOffset now) => order.Status switch
    {
        OrderStatus.Submitted => Cancel(order, "Timed out waiting for the stock reservation", now, releaseStock: true, refundPayment: false),
        OrderStatus.StockReserved => Cancel(order, "Timed out waiting for the payment", now, releaseStock: true, refundPayment: true),
        _ => SagaReaction.None,
    };

    public SagaReaction OnStockReleased(Order order, DateTimeOffset now) =>
        order.RecordStockReleased(now) ? new([], null) : SagaReaction.None;

    public SagaReaction OnPaymentRefunded(Order order, PaymentRefunded reply, DateTimeOffset now) =>
        order.RecordPaymentRefunded(reply.PaymentId, now) ? new([], null) : SagaReaction.None;

    private static SagaReaction Cancel(Order order, string reason, DateTimeOffset now, bool releaseStock, bool refundPayment)
    {
        order.Cancel(reason, now);
        List<SagaMessage> messages = [];
        // Refund before release: the money matters more to the customer than the stock does to the shop.
        if (refundPayment)
        {
            messages.Add(new SagaMessage<RefundPayment>(Topics.PaymentCommands, new(order.Id, reason)));
        }
        if (releaseStock)
        {
            messages.Add(new SagaMessage<ReleaseStock>(Topics.CatalogCommands, new(order.Id, reason)));
        }
        messages.Add(new SagaMessage<OrderCancelled>(Topics.OrderEvents, new(order.Id, reason)));
        return new(messages, null);
    }
}

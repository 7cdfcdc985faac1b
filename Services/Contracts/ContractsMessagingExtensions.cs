using CloudNative.Messaging;

namespace CloudNative.Contracts;

public static class ContractsMessagingExtensions
{
    /// <summary>
    /// Registers every saga message under its contract name. The names, not the CLR types, are what services agree
    /// on: a service may rename or move a record without breaking the others.
    /// </summary>
    public static MessagingBuilder AddContracts(this MessagingBuilder messaging)
    {
        var json = ContractsJsonContext.Default;
        return messaging
            .AddMessageType("catalog.reserve-stock.v1", json.ReserveStock)
            .AddMessageType("catalog.release-stock.v1", json.ReleaseStock)
            .AddMessageType("catalog.stock-reserved.v1", json.StockReserved)
            .AddMessageType("catalog.stock-rejected.v1", json.StockRejected)
            .AddMessageType("catalog.stock-released.v1", json.StockReleased)
            .AddMessageType("payments.authorize-payment.v1", json.AuthorizePayment)
            .AddMessageType("payments.refund-payment.v1", json.RefundPayment)
            .AddMessageType("payments.payment-authorized.v1", json.PaymentAuthorized)
            .AddMessageType("payments.payment-declined.v1", json.PaymentDeclined)
            .AddMessageType("payments.payment-refunded.v1", json.PaymentRefunded)
            .AddMessageType("ordering.order-submitted.v1", json.OrderSubmitted)
            .AddMessageType("ordering.order-confirmed.v1", json.OrderConfirmed)
            .AddMessageType("ordering.order-cancelled.v1", json.OrderCancelled);
    }
}

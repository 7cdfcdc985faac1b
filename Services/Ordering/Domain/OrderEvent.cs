namespace Ordering.Api.Domain;

/// <summary>
/// What happened to an order: the order stream's events, its only source of truth. Stored as JSON under
/// <see cref="OrderEventTypes"/>' names, so these records may be renamed but their names and fields may only grow.
/// </summary>
public abstract record OrderEvent
{
    public sealed record Submitted(string UserId, IReadOnlyList<OrderItem> Items) : OrderEvent;

    public sealed record StockReserved(IReadOnlyList<PricedItem> Items, decimal Total, string Currency) : OrderEvent;

    public sealed record PaymentAuthorized(Guid PaymentId, decimal Amount, string Currency) : OrderEvent;

    public sealed record Confirmed : OrderEvent;

    public sealed record Cancelled(string Reason) : OrderEvent;

    /// <summary>The catalog confirmed it gave back what it had reserved (a compensation's acknowledgement).</summary>
    public sealed record StockReleased : OrderEvent;

    /// <summary>Payments confirmed it refunded the charge (a compensation's acknowledgement).</summary>
    public sealed record PaymentRefunded(Guid PaymentId) : OrderEvent;
}

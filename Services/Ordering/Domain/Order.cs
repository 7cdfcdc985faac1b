namespace Ordering.Api.Domain;

/// <summary>
/// The order aggregate, event-sourced: its state is the fold of its events. Each operation checks the transition is
/// allowed in the current status and records an event, or does nothing and says so: a reply that arrives twice or
/// late (after a cancellation) changes nothing.
/// </summary>
public sealed class Order
{
    private readonly List<RecordedOrderEvent> pending = [];

    private Order(Guid id) => Id = id;

    public Guid Id { get; }

    public string UserId { get; private set; } = "";

    public OrderStatus Status { get; private set; }

    public string? CancelReason { get; private set; }

    public IReadOnlyList<OrderItem> Items { get; private set; } = [];

    /// <summary>The lines at their reserved prices, once the stock is reserved.</summary>
    public IReadOnlyList<PricedItem>? PricedItems { get; private set; }

    public decimal? Total { get; private set; }

    public string? Currency { get; private set; }

    public Guid? PaymentId { get; private set; }

    public bool StockReleased { get; private set; }

    public bool PaymentRefunded { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The number of events in the stream, the unsaved ones included: the last event's version.</summary>
    public int Version { get; private set; }

    /// <summary>The events recorded since the order was loaded, in order; the store appends them.</summary>
    public IReadOnlyList<RecordedOrderEvent> PendingEvents => pending;

    public bool IsFinal => Status is OrderStatus.Confirmed or OrderStatus.Cancelled;

    public static Order Submit(Guid id, string userId, IReadOnlyList<OrderItem> items, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (items.Count == 0)
        {
            throw new ArgumentException("An order needs at least one item.", nameof(items));
        }

        var order = new Order(id);
        order.Record(new OrderEvent.Submitted(userId, items), now);
        return order;
    }

    public static Order FromHistory(Guid id, IEnumerable<RecordedOrderEvent> history)
    {
        var order = new Order(id);
        foreach (var recorded in history)
        {
            order.Apply(recorded);
        }

        return order.Version == 0 ? throw new ArgumentException($"Order {id} has no events.", nameof(history)) : order;
    }

    public bool ReserveStock(IReadOnlyList<PricedItem> items, string currency, DateTimeOffset now) =>
        Status == OrderStatus.Submitted
        && Record(new OrderEvent.StockReserved(items, items.Sum(i => i.UnitPrice * i.Quantity), currency), now);

    public bool AuthorizePayment(Guid paymentId, decimal amount, string currency, DateTimeOffset now) =>
        Status == OrderStatus.StockReserved && Record(new OrderEvent.PaymentAuthorized(paymentId, amount, currency), now);

    public bool Confirm(DateTimeOffset now) => Status == OrderStatus.Paid && Record(new OrderEvent.Confirmed(), now);

    public bool Cancel(string reason, DateTimeOffset now) => !IsFinal && Record(new OrderEvent.Cancelled(reason), now);

    // Acknowledgements of compensations: history only, recorded once however often they are repeated.
    public bool RecordStockReleased(DateTimeOffset now) =>
        Status == OrderStatus.Cancelled && !StockReleased && Record(new OrderEvent.StockReleased(), now);

    public bool RecordPaymentRefunded(Guid paymentId, DateTimeOffset now) =>
        Status == OrderStatus.Cancelled && !PaymentRefunded && Record(new OrderEvent.PaymentRefunded(paymentId), now);

    public void MarkSaved() => pending.Clear();

    private bool Record(OrderEvent @event, DateTimeOffset now)
    {
        var recorded = new RecordedOrderEvent(@event, Version + 1, now);
        Apply(recorded);
        pending.Add(recorded);
        return true;
    }

    private void Apply(RecordedOrderEvent recorded)
    {
        if (recorded.Version != Version + 1)
        {
            throw new InvalidOperationException($"Order {Id}: event version {recorded.Version} does not follow {Version}.");
        }

        switch (recorded.Event)
        {
            case OrderEvent.Submitted submitted:
                UserId = submitted.UserId;
                Items = submitted.Items;
                Status = OrderStatus.Submitted;
                SubmittedAt = recorded.OccurredAt;
                break;
            case OrderEvent.StockReserved reserved:
                PricedItems = reserved.Items;
                Total = reserved.Total;
                Currency = reserved.Currency;
                Status = OrderStatus.StockReserved;
                break;
            case OrderEvent.PaymentAuthorized authorized:
                PaymentId = authorized.PaymentId;
                Status = OrderStatus.Paid;
                break;
            case OrderEvent.Confirmed:
                Status = OrderStatus.Confirmed;
                break;
            case OrderEvent.Cancelled cancelled:
                CancelReason = cancelled.Reason;
                Status = OrderStatus.Cancelled;
                break;
            case OrderEvent.StockReleased:
                StockReleased = true;
                break;
            case OrderEvent.PaymentRefunded:
                PaymentRefunded = true;
                break;
            default:
                throw new InvalidOperationException($"Order {Id}: unknown event {recorded.Event.GetType().Name}.");
        }

        Version = recorded.Version;
        UpdatedAt = recorded.OccurredAt;
    }
}

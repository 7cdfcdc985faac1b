using Ordering.Api.Domain;

namespace Ordering.Api.Tests;

public sealed class OrderTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    internal static Order NewOrder() => Order.Submit(Guid.CreateVersion7(), "user-1", [new(1, 2), new(7, 1)], Now);

    [Fact]
    public void SubmittingRecordsTheFirstEvent()
    {
        var order = NewOrder();

        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(1, order.Version);
        Assert.IsType<OrderEvent.Submitted>(Assert.Single(order.PendingEvents).Event);
        Assert.Equal(Now, order.SubmittedAt);
    }

    [Fact]
    public void TheHappyPathGoesThroughEveryStatusAndTotalsThePrices()
    {
        var order = NewOrder();

        Assert.True(order.ReserveStock([new(1, 2, 10.5m), new(7, 1, 3m)], "USD", Now));
        Assert.Equal((OrderStatus.StockReserved, 24m), (order.Status, order.Total));
        Assert.True(order.AuthorizePayment(Guid.NewGuid(), 24m, "USD", Now));
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.True(order.Confirm(Now));
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal([1, 2, 3, 4], order.PendingEvents.Select(e => e.Version));
    }

    [Fact]
    public void TransitionsOutOfOrderChangeNothing()
    {
        var order = NewOrder();

        Assert.False(order.AuthorizePayment(Guid.NewGuid(), 1m, "USD", Now));
        Assert.False(order.Confirm(Now));
        Assert.False(order.RecordStockReleased(Now));
        Assert.Equal((OrderStatus.Submitted, 1), (order.Status, order.Version));
    }

    [Fact]
    public void AFinalOrderCannotBeCancelledOrMovedOn()
    {
        var order = NewOrder();
        Assert.True(order.Cancel("changed my mind", Now));

        Assert.False(order.Cancel("again", Now));
        Assert.False(order.ReserveStock([new(1, 2, 1m)], "USD", Now));
        Assert.Equal(("changed my mind", 2), (order.CancelReason, order.Version));
    }

    [Fact]
    public void ReplayingTheHistoryGivesTheSameState()
    {
        var order = NewOrder();
        order.ReserveStock([new(1, 2, 10m), new(7, 1, 1m)], "USD", Now);
        order.Cancel("Timed out", Now.AddSeconds(30));
        order.RecordStockReleased(Now.AddSeconds(31));

        var replayed = Order.FromHistory(order.Id, order.PendingEvents);

        Assert.Equal((order.Status, order.Total, order.CancelReason, order.StockReleased, order.Version, order.UpdatedAt),
            (replayed.Status, replayed.Total, replayed.CancelReason, replayed.StockReleased, replayed.Version, replayed.UpdatedAt));
        Assert.Empty(replayed.PendingEvents);
    }

    [Fact]
    public void AHistoryWithAGapIsRefused()
    {
        var order = NewOrder();
        order.Cancel("x", Now);

        Assert.Throws<InvalidOperationException>(() => Order.FromHistory(order.Id, [order.PendingEvents[1]]));
    }

    [Fact]
    public void EveryEventRoundTripsThroughItsStoredName()
    {
        OrderEvent[] events =
        [
            new OrderEvent.Submitted("u", [new(1, 2)]), new OrderEvent.StockReserved([new(1, 2, 1.25m)], 2.5m, "USD"),
            new OrderEvent.PaymentAuthorized(Guid.NewGuid(), 2.5m, "USD"), new OrderEvent.Confirmed(), new OrderEvent.Cancelled("why"),
            new OrderEvent.StockReleased(), new OrderEvent.PaymentRefunded(Guid.NewGuid()),
        ];

        foreach (var @event in events)
        {
            var (type, data) = OrderEventTypes.Serialize(@event);
            var back = OrderEventTypes.Deserialize(type, data);
            Assert.Equal(OrderEventTypes.Serialize(back), (type, data));
            Assert.Equal(@event.GetType(), back.GetType());
        }
    }
}

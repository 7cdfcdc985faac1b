using CloudNative.Contracts;
using Microsoft.Extensions.Options;
using Ordering.Api.Domain;
using Ordering.Api.Extensions;
using Ordering.Api.Saga;

namespace Ordering.Api.Tests;

/// <summary>Every path of the saga's decisions, without I/O: what the order records and what is sent.</summary>
public sealed class CheckoutSagaTests
{
    static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    readonly CheckoutSaga saga = new(Options.Create(new OrderingOptions { SagaTimeout = Timeout, Currency = "EUR" }));
    readonly Order order = OrderTests.NewOrder();

    static object[] Bodies(SagaReaction reaction) => [.. reaction.Messages.Select(m => m.Body)];

    static string[] Topics(SagaReaction reaction) => [.. reaction.Messages.Select(m => m.Topic)];

    StockReserved Reserved() => new(order.Id, [new(1, 2, 10m), new(7, 1, 5m)]);

    [Fact]
    public void StartAnnouncesTheOrderAndAsksForStockWithADeadline()
    {
        var reaction = saga.Start(order, Now);

        Assert.Equal([CloudNative.Contracts.Topics.OrderEvents, CloudNative.Contracts.Topics.CatalogCommands], Topics(reaction));
        var reserve = Assert.IsType<ReserveStock>(Bodies(reaction)[1]);
        Assert.Equal([new OrderLine(1, 2), new OrderLine(7, 1)], reserve.Lines);
        Assert.Equal(Now + Timeout, reaction.Deadline);
    }

    [Fact]
    public void HappyPath_ReservedThenAuthorized_ConfirmsWithTheCatalogsTotal()
    {
        var afterStock = saga.OnStockReserved(order, Reserved(), Now);

        var authorize = Assert.IsType<AuthorizePayment>(Assert.Single(Bodies(afterStock)));
        Assert.Equal((order.Id, "user-1", 25m, "EUR"), (authorize.OrderId, authorize.UserId, authorize.Amount, authorize.Currency));
        Assert.Equal(Now + Timeout, afterStock.Deadline);
        Assert.Equal(OrderStatus.StockReserved, order.Status);

        var afterPayment = saga.OnPaymentAuthorized(order, new(order.Id, Guid.NewGuid(), 25m, "EUR"), Now);

        var confirmed = Assert.IsType<OrderConfirmed>(Assert.Single(Bodies(afterPayment)));
        Assert.Equal(25m, confirmed.Total);
        Assert.Null(afterPayment.Deadline);
        Assert.Equal(OrderStatus.Confirmed, order.Status);
        Assert.Equal(["OrderSubmitted", "StockReserved", "PaymentAuthorized", "OrderConfirmed"],
            order.PendingEvents.Select(e => OrderEventTypes.Serialize(e.Event).Type));
    }

    [Fact]
    public void StockRejected_CancelsWithoutAnyCompensation()
    {
        var reaction = saga.OnStockRejected(order, new(order.Id, [7], "short"), Now);

        var cancelled = Assert.IsType<OrderCancelled>(Assert.Single(Bodies(reaction)));
        Assert.Contains("short", cancelled.Reason);
        Assert.Null(reaction.Deadline);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void PaymentDeclined_ReleasesTheStockAndCancels()
    {
        saga.OnStockReserved(order, Reserved(), Now);

        var reaction = saga.OnPaymentDeclined(order, new(order.Id, "insufficient funds"), Now);

        Assert.Collection(Bodies(reaction),
            release => Assert.Equal(order.Id, Assert.IsType<ReleaseStock>(release).OrderId),
            cancelled => Assert.Contains("insufficient funds", Assert.IsType<OrderCancelled>(cancelled).Reason));
        Assert.DoesNotContain(Bodies(reaction), m => m is RefundPayment);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void DeadlineWhileWaitingForStock_ReleasesWhatMayHaveBeenReservedAndCancels()
    {
        var reaction = saga.OnDeadline(order, Now + Timeout);

        Assert.Collection(Bodies(reaction), m => Assert.IsType<ReleaseStock>(m), m => Assert.IsType<OrderCancelled>(m));
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Contains("stock", order.CancelReason);
    }

    [Fact]
    public void DeadlineWhileWaitingForPayment_RefundsAndReleasesAndCancels()
    {
        saga.OnStockReserved(order, Reserved(), Now);

        var reaction = saga.OnDeadline(order, Now + Timeout);

        Assert.Collection(Bodies(reaction), m => Assert.IsType<RefundPayment>(m), m => Assert.IsType<ReleaseStock>(m), m => Assert.IsType<OrderCancelled>(m));
        Assert.Equal([CloudNative.Contracts.Topics.PaymentCommands, CloudNative.Contracts.Topics.CatalogCommands, CloudNative.Contracts.Topics.OrderEvents], Topics(reaction));
        Assert.Contains("payment", order.CancelReason);
    }

    [Fact]
    public void DeadlineAfterTheSagaEnded_DoesNothing()
    {
        saga.OnStockReserved(order, Reserved(), Now);
        saga.OnPaymentAuthorized(order, new(order.Id, Guid.NewGuid(), 25m, "EUR"), Now);

        Assert.True(saga.OnDeadline(order, Now + Timeout).Ignored);
        Assert.Equal(OrderStatus.Confirmed, order.Status);
    }

    [Fact]
    public void DuplicateReplies_AreIgnored()
    {
        saga.OnStockReserved(order, Reserved(), Now);
        var version = order.Version;

        Assert.True(saga.OnStockReserved(order, Reserved(), Now).Ignored);
        Assert.True(saga.OnStockRejected(order, new(order.Id, [1], "late"), Now).Ignored);
        saga.OnPaymentAuthorized(order, new(order.Id, Guid.NewGuid(), 25m, "EUR"), Now);
        Assert.True(saga.OnPaymentAuthorized(order, new(order.Id, Guid.NewGuid(), 25m, "EUR"), Now).Ignored);
        Assert.True(saga.OnPaymentDeclined(order, new(order.Id, "late"), Now).Ignored);
        Assert.Equal(version + 2, order.Version);
    }

    [Fact]
    public void LateRepliesAfterATimeout_AreIgnored_TheCompensationsAlreadyCoverThem()
    {
        saga.OnDeadline(order, Now + Timeout);
        var version = order.Version;

        Assert.True(saga.OnStockReserved(order, Reserved(), Now).Ignored);
        Assert.True(saga.OnPaymentAuthorized(order, new(order.Id, Guid.NewGuid(), 25m, "EUR"), Now).Ignored);
        Assert.Equal((OrderStatus.Cancelled, version), (order.Status, order.Version));
    }

    [Fact]
    public void CompensationAcknowledgements_AreRecordedOnce()
    {
        saga.OnStockReserved(order, Reserved(), Now);
        saga.OnDeadline(order, Now + Timeout);

        Assert.False(saga.OnStockReleased(order, Now).Ignored);
        Assert.True(saga.OnStockReleased(order, Now).Ignored);
        Assert.False(saga.OnPaymentRefunded(order, new(order.Id, Guid.NewGuid()), Now).Ignored);
        Assert.True(saga.OnPaymentRefunded(order, new(order.Id, Guid.NewGuid()), Now).Ignored);
        Assert.True(order.StockReleased && order.PaymentRefunded);
    }
}

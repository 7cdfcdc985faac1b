using Ordering.Api.Domain;

namespace Ordering.Api.Infrastructure;

/// <summary>
/// The orders read model: one row per order, what the query API returns. A projection of the order's events,
/// written in the transaction that appends them, and rebuildable from the event store (<see cref="ReadModelRebuilder"/>).
/// </summary>
public sealed class OrderSummary
{
    public required Guid Id { get; init; }

    public required string UserId { get; init; }

    public OrderStatus Status { get; private set; }

    public string? CancelReason { get; private set; }

    public decimal? Total { get; private set; }

    public string? Currency { get; private set; }

    public List<OrderSummaryItem> Items { get; private set; } = [];

    public DateTimeOffset SubmittedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The version of the order stream this row reflects.</summary>
    public int Version { get; private set; }

    public static OrderSummary From(Order order)
    {
        var summary = new OrderSummary { Id = order.Id, UserId = order.UserId, SubmittedAt = order.SubmittedAt };
        summary.Update(order);
        return summary;
    }

    public void Update(Order order)
    {
        Status = order.Status;
        CancelReason = order.CancelReason;
        Total = order.Total;
        Currency = order.Currency;
        Items = order.PricedItems is { } priced
            ? [.. priced.Select(i => new OrderSummaryItem { ProductId = i.ProductId, Quantity = i.Quantity, UnitPrice = i.UnitPrice })]
            : [.. order.Items.Select(i => new OrderSummaryItem { ProductId = i.ProductId, Quantity = i.Quantity })];
        UpdatedAt = order.UpdatedAt;
        Version = order.Version;
    }
}

public sealed class OrderSummaryItem
{
    public required int ProductId { get; init; }

    public required int Quantity { get; init; }

    /// <summary>Known once the catalog has reserved the stock: the catalog is the price authority.</summary>
    public decimal? UnitPrice { get; init; }
}

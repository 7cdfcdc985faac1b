namespace Catalog.Api.Model;

public sealed class StockReservationLine
{
    public Guid OrderId { get; init; }

    public required int ProductId { get; init; }

    public required int Quantity { get; init; }

    public required decimal UnitPrice { get; init; }
}

namespace Catalog.Api.Model;

/// <summary>
/// What a ReserveStock did for one order, kept so that any later command for the order (a redelivery under a new
/// message id, a saga's re-send after a timeout, the release) answers from it instead of touching stock again.
/// </summary>
public sealed class StockReservation
{
    public required Guid OrderId { get; init; }

    public StockReservationStatus Status { get; set; }

    /// <summary>Why nothing was reserved (<see cref="StockReservationStatus.Rejected"/>).</summary>
    public string? Reason { get; set; }

    /// <summary>The products that were unknown, invalid or short (<see cref="StockReservationStatus.Rejected"/>).</summary>
    public List<int> RejectedProductIds { get; set; } = [];

    /// <summary>What was taken from stock, at the prices of the moment (<see cref="StockReservationStatus.Reserved"/> and after).</summary>
    public List<StockReservationLine> Lines { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReleasedAt { get; set; }
}

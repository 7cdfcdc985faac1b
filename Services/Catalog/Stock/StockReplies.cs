using Catalog.Api.Model;
using CloudNative.Contracts;
using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Outbox;

namespace Catalog.Api.Stock;

static class StockReplies
{
    public const string ReleasedReason = "The order's stock has been released.";

    /// <summary>The answer to a ReserveStock, from the order's reservation: the same for a first command and a repeat.</summary>
    public static void EnqueueReserveOutcome(this IOutbox outbox, StockReservation reservation, EventEnvelope causedBy)
    {
        var key = reservation.OrderId.ToString();
        switch (reservation.Status)
        {
            case StockReservationStatus.Reserved:
                outbox.Enqueue(Topics.CatalogEvents, key,
                    new StockReserved(reservation.OrderId, [.. reservation.Lines.OrderBy(l => l.ProductId).Select(l => new ReservedLine(l.ProductId, l.Quantity, l.UnitPrice))]),
                    causedBy);
                break;
            case StockReservationStatus.Rejected:
                outbox.Enqueue(Topics.CatalogEvents, key, new StockRejected(reservation.OrderId, reservation.RejectedProductIds, reservation.Reason!), causedBy);
                break;
            case StockReservationStatus.Released:
                // Nothing is held for the order any more, whatever the first answer was: a late re-send must not
                // be told that stock is waiting for it.
                outbox.Enqueue(Topics.CatalogEvents, key,
                    new StockRejected(reservation.OrderId, [.. reservation.Lines.Select(l => l.ProductId).Order()], ReleasedReason), causedBy);
                break;
            default:
                throw new InvalidOperationException($"Unknown reservation status {reservation.Status}.");
        }
    }
}

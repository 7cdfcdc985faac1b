using Catalog.Api.Infrastructure;
using Catalog.Api.Model;
using CloudNative.Contracts;
using CloudNative.Messaging.Consuming;
using CloudNative.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Stock;

/// <summary>
/// Reserves every line of an order or none, once per order. Runs in the consumer's transaction with the inbox row
/// added (a redelivered message id never gets here); a new message for an order already handled answers from the
/// order's <see cref="StockReservation"/> and leaves stock alone.
/// </summary>
sealed class ReserveStockHandler(CatalogContext context, IOutbox outbox, TimeProvider time) : IMessageHandler<ReserveStock>
{
    public async Task HandleAsync(ReserveStock message, MessageContext messageContext, CancellationToken cancellationToken)
    {
        var reservation = await ReserveAsync(message, cancellationToken)
            ?? await context.StockReservations.SingleAsync(r => r.OrderId == message.OrderId, cancellationToken);
        outbox.EnqueueReserveOutcome(reservation, messageContext.Envelope);
    }

    // Null when the order already has a reservation: then that one is the answer.
    async Task<StockReservation?> ReserveAsync(ReserveStock message, CancellationToken cancellationToken)
    {
        // One line per product. JSON without "lines" is an order with none.
        var requested = (message.Lines ?? [])
            .GroupBy(l => l.ProductId)
            .Select(g => (ProductId: g.Key, Quantity: g.Sum(l => (long)l.Quantity)))
            .OrderBy(l => l.ProductId)
            .ToList();
        var invalid = requested.Where(l => l.Quantity is <= 0 or > int.MaxValue).Select(l => l.ProductId).ToList();
        if (requested.Count == 0 || invalid.Count > 0)
        {
            return await context.StockReservations.AnyAsync(r => r.OrderId == message.OrderId, cancellationToken)
                ? null
                : requested.Count == 0 ? Reject(message, [], "The order has no lines.") : Reject(message, invalid, "Quantities must be positive.");
        }

        List<(int ProductId, int Quantity)> lines = [.. requested.Select(l => (l.ProductId, (int)l.Quantity))];
        var take = await context.TakeAsync(message.OrderId, lines, cancellationToken);
        if (take.AlreadyReserved)
        {
            return null;
        }

        if (take.Taken.Count < lines.Count)
        {
            return await RejectAsync(message, lines, take, cancellationToken);
        }

        context.ItemsChanged = true;
        var reservation = Add(message, StockReservationStatus.Reserved);
        reservation.Lines.AddRange(lines.Select(l => new StockReservationLine { ProductId = l.ProductId, Quantity = l.Quantity, UnitPrice = take.Rows[l.ProductId].Price }));
        return reservation;
    }

    // Nothing of the order is kept. Short are the lines the read found short or, when a racing writer took the stock
    // after the read, the lines the update could not take; what it did take goes back.
    async Task<StockReservation> RejectAsync(ReserveStock message, List<(int ProductId, int Quantity)> lines, StockTake take, CancellationToken cancellationToken)
    {
        if (take.Taken.Count > 0)
        {
            await context.ReturnAsync([.. lines.Where(l => take.Taken.Contains(l.ProductId))], cancellationToken);
        }

        var unknown = lines.Where(l => !take.Rows.ContainsKey(l.ProductId)).Select(l => l.ProductId).ToList();
        if (unknown.Count > 0)
        {
            return Reject(message, unknown, "Unknown products.");
        }

        var shortOf = lines.Where(l => take.Rows[l.ProductId].Available < l.Quantity).Select(l => l.ProductId).ToList();
        return Reject(message, shortOf.Count > 0 ? shortOf : [.. lines.Where(l => !take.Taken.Contains(l.ProductId)).Select(l => l.ProductId)], "Not enough stock.");
    }

    StockReservation Reject(ReserveStock message, List<int> productIds, string reason)
    {
        var reservation = Add(message, StockReservationStatus.Rejected);
        reservation.RejectedProductIds = productIds;
        reservation.Reason = reason;
        return reservation;
    }

    StockReservation Add(ReserveStock message, StockReservationStatus status)
    {
        var reservation = new StockReservation { OrderId = message.OrderId, Status = status, CreatedAt = time.GetUtcNow() };
        context.StockReservations.Add(reservation);
        return reservation;
    }
}

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
    const string SavepointName = "reserve_stock";

    public async Task HandleAsync(ReserveStock message, MessageContext messageContext, CancellationToken cancellationToken)
    {
        var reservation = await context.StockReservations.SingleOrDefaultAsync(r => r.OrderId == message.OrderId, cancellationToken)
            ?? await ReserveAsync(message, cancellationToken);
        outbox.EnqueueReserveOutcome(reservation, messageContext.Envelope);
    }

    async Task<StockReservation> ReserveAsync(ReserveStock message, CancellationToken cancellationToken)
    {
        var reservation = new StockReservation { OrderId = message.OrderId, CreatedAt = time.GetUtcNow() };
        context.StockReservations.Add(reservation);

        // One line per product, taken in id order: two orders locking the same rows lock them in the same order,
        // so they queue behind each other instead of deadlocking. JSON without "lines" is an order with none.
        var requested = (message.Lines ?? [])
            .GroupBy(l => l.ProductId)
            .Select(g => (ProductId: g.Key, Quantity: g.Sum(l => (long)l.Quantity)))
            .OrderBy(l => l.ProductId)
            .ToList();
        if (requested.Count == 0)
        {
            return Reject(reservation, [], "The order has no lines.");
        }

        var invalid = requested.Where(l => l.Quantity is <= 0 or > int.MaxValue).Select(l => l.ProductId).ToList();
        if (invalid.Count > 0)
        {
            return Reject(reservation, invalid, "Quantities must be positive.");
        }

        var productIds = requested.Select(l => l.ProductId).ToList();
        var prices = await context.CatalogItems.Where(i => productIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Price, cancellationToken);
        var unknown = productIds.Where(id => !prices.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            return Reject(reservation, unknown, "Unknown products.");
        }

        var transaction = context.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Stock is reserved inside the consumer's transaction.");
        await transaction.CreateSavepointAsync(SavepointName, cancellationToken);
        List<int> shortOf = [];
        foreach (var (productId, quantity) in requested)
        {
            // The conditional update is the whole guard: it locks the row, and a racing reservation waiting on that
            // lock re-reads the committed stock before its own WHERE decides. Stock never goes below zero.
            var taken = await context.CatalogItems
                .Where(i => i.Id == productId && i.AvailableStock >= quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AvailableStock, i => i.AvailableStock - (int)quantity), cancellationToken);
            if (taken == 0)
            {
                shortOf.Add(productId);
            }
        }

        if (shortOf.Count > 0)
        {
            // All or nothing: give back the lines already taken (and their row locks).
            await transaction.RollbackToSavepointAsync(SavepointName, cancellationToken);
            return Reject(reservation, shortOf, "Not enough stock.");
        }

        await transaction.ReleaseSavepointAsync(SavepointName, cancellationToken);
        reservation.Status = StockReservationStatus.Reserved;
        reservation.Lines.AddRange(requested.Select(l => new StockReservationLine { ProductId = l.ProductId, Quantity = (int)l.Quantity, UnitPrice = prices[l.ProductId] }));
        context.ItemsChanged = true;
        return reservation;
    }

    static StockReservation Reject(StockReservation reservation, List<int> productIds, string reason)
    {
        reservation.Status = StockReservationStatus.Rejected;
        reservation.RejectedProductIds = productIds;
        reservation.Reason = reason;
        return reservation;
    }
}

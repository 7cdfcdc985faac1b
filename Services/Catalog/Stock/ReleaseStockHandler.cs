using Catalog.Api.Infrastructure;
using Catalog.Api.Model;
using CloudNative.Contracts;
using CloudNative.Messaging.Consuming;
using CloudNative.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Stock;

/// <summary>
/// Gives back what the order's reservation took, once. A repeat finds the reservation released and only answers
/// again; an order with no reservation gets a released one with no lines, so a ReserveStock that arrives after
/// its order was given up (a saga's late re-send) is rejected instead of taking stock nobody will release.
/// </summary>
sealed class ReleaseStockHandler(CatalogContext context, IOutbox outbox, TimeProvider time) : IMessageHandler<ReleaseStock>
{
    public async Task HandleAsync(ReleaseStock message, MessageContext messageContext, CancellationToken cancellationToken)
    {
        // FOR UPDATE: a release racing this one for the same order waits, then sees Released and gives nothing back.
        var reservation = await context.StockReservations
            .FromSql($"""SELECT * FROM "StockReservations" WHERE "OrderId" = {message.OrderId} FOR UPDATE""")
            .SingleOrDefaultAsync(cancellationToken);

        if (reservation is null)
        {
            context.StockReservations.Add(new StockReservation
            {
                OrderId = message.OrderId,
                Status = StockReservationStatus.Released,
                CreatedAt = time.GetUtcNow(),
                ReleasedAt = time.GetUtcNow(),
            });
        }
        else if (reservation.Status != StockReservationStatus.Released)
        {
            if (reservation.Lines.Count > 0)
            {
                await context.ReturnAsync([.. reservation.Lines.Select(l => (l.ProductId, l.Quantity))], cancellationToken);
                context.ItemsChanged = true;
            }

            reservation.Status = StockReservationStatus.Released;
            reservation.ReleasedAt = time.GetUtcNow();
        }

        outbox.Enqueue(Topics.CatalogEvents, message.OrderId.ToString(), new StockReleased(message.OrderId), messageContext.Envelope);
    }
}

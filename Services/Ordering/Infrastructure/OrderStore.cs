using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ordering.Api.Domain;
using Ordering.Api.Serialization;

namespace Ordering.Api.Infrastructure;

/// <summary>
/// Loads orders from their event streams and appends what they recorded, projecting the read model in the same
/// SaveChanges: the events and the row that reflects them commit together or not at all.
/// </summary>
public sealed class OrderStore(OrderingContext db)
{
    public async Task<Order?> LoadAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var stored = await db.Events.AsNoTracking()
            .Where(e => e.StreamId == orderId)
            .OrderBy(e => e.Version)
            .ToListAsync(cancellationToken);
        return stored.Count == 0 ? null : Order.FromHistory(orderId, stored.Select(ToRecorded));
    }

    /// <summary>Adds the order's pending events and its read-model row to the context; the caller saves.</summary>
    public void Append(Order order, EventMetadata metadata)
    {
        if (order.PendingEvents.Count == 0)
        {
            return;
        }

        var metadataJson = JsonSerializer.Serialize(metadata, OrderingJsonContext.Default.EventMetadata);
        foreach (var recorded in order.PendingEvents)
        {
            var (type, data) = OrderEventTypes.Serialize(recorded.Event);
            db.Events.Add(new StoredEvent
            {
                StreamId = order.Id,
                Version = recorded.Version,
                Type = type,
                Data = data,
                Metadata = metadataJson,
                OccurredAt = recorded.OccurredAt,
            });
        }

        Project(order);
        order.MarkSaved();
    }

    // The row is written with the stream's first event (and the rebuild replaces every row while it holds the tables),
    // so a later event overwrites it, every column from the order, without a round trip to read it first. Each unit of
    // work (a request, a message, a deadline) appends to an order once, so the context tracks no other copy of the row.
    private void Project(Order order)
    {
        var summary = OrderSummary.From(order);
        if (order.PendingEvents[0].Version == 1)
        {
            db.Orders.Add(summary);
        }
        else
        {
            db.Orders.Update(summary);
        }
    }

    public static RecordedOrderEvent ToRecorded(StoredEvent stored) =>
        new(OrderEventTypes.Deserialize(stored.Type, stored.Data), stored.Version, stored.OccurredAt);
}

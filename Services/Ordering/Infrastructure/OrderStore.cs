using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ordering.Api.Domain;
using Ordering.Api.Serialization;

namespace Ordering.Api.Infrastructure;

/// <summary>
/// Loads orders from their event streams and appends what they recorded, projecting the read model in the same
/// SaveChanges: the events and the row that reflects them commit together or not at all.
/// </summary>
public sealed class OrderStore(OrderingContext db)
{
    /// <summary>The order as its stream has it; null when there is no such stream.</summary>
    public async Task<Order?> LoadAsync(Guid orderId, CancellationToken cancellationToken) =>
        (await LoadAsync(orderId, withDeadline: false, cancellationToken)).Order;

    /// <summary>
    /// What a saga step decides on, in one round trip: the order, and its saga deadline row locked (<c>FOR UPDATE</c>,
    /// null once the saga has ended) and tracked, so the step can move or remove it. The lock comes first, so a reply
    /// and the sweeper decide for one order one at a time, each on the stream as the other left it.
    /// </summary>
    public Task<(Order? Order, SagaDeadline? Deadline)> LoadForStepAsync(Guid orderId, CancellationToken cancellationToken) =>
        LoadAsync(orderId, withDeadline: true, cancellationToken);

    // One Npgsql batch on the context's connection (and so in its transaction): a saga step's two reads were two EF
    // queries and two round trips, a fifth of Ordering's CPU under load.
    private async Task<(Order? Order, SagaDeadline? Deadline)> LoadAsync(Guid orderId, bool withDeadline, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        if (withDeadline)
        {
            batch.BatchCommands.Add(new("""SELECT "CorrelationId", "AwaitedMessageId", "DueAt" FROM "SagaDeadlines" WHERE "OrderId" = $1 FOR UPDATE""")
            {
                Parameters = { new() { Value = orderId } },
            });
        }
        batch.BatchCommands.Add(new("""SELECT "Type", "Data", "Version", "OccurredAt" FROM "OrderEvents" WHERE "StreamId" = $1 ORDER BY "Version" """)
        {
            Parameters = { new() { Value = orderId } },
        });

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            SagaDeadline? deadline = null;
            if (withDeadline)
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    deadline = Track(new SagaDeadline
                    {
                        OrderId = orderId,
                        CorrelationId = reader.GetGuid(0),
                        AwaitedMessageId = reader.GetGuid(1),
                        DueAt = reader.GetFieldValue<DateTimeOffset>(2),
                    });
                }
                await reader.NextResultAsync(cancellationToken);
            }

            List<RecordedOrderEvent> history = [];
            while (await reader.ReadAsync(cancellationToken))
            {
                history.Add(new(OrderEventTypes.Deserialize(reader.GetString(0), reader.GetString(1)), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }
            return (history.Count == 0 ? null : Order.FromHistory(orderId, history), deadline);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The sweeper's own query may already track the row (it locked it first): that instance is the one to change.
    private SagaDeadline Track(SagaDeadline locked) =>
        db.SagaDeadlines.Local.FindEntry(locked.OrderId)?.Entity ?? db.SagaDeadlines.Attach(locked).Entity;

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

using Microsoft.EntityFrameworkCore;
using Ordering.Api.Domain;

namespace Ordering.Api.Infrastructure;

/// <summary>
/// Rebuilds the orders read model from the event store alone: the proof that the events are the truth and the
/// read model only a projection of them (to apply a projection change, or to repair a damaged table).
/// </summary>
public sealed class ReadModelRebuilder(OrderingContext db)
{
    private const int StreamsPerBatch = 500;

    /// <summary>Replaces every row of the read model with the fold of its order's events; returns the number of orders.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // SHARE on the events waits for appends in flight and holds new ones until the commit, so the replay sees a
            // fixed set of events; a writer that read a row before the rebuild finds it replaced, and retries.
            await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "OrderEvents" IN SHARE MODE; LOCK TABLE "Orders" IN ACCESS EXCLUSIVE MODE""", ct);
            await db.Orders.ExecuteDeleteAsync(ct);

            var rebuilt = 0;
            var after = 0L;
            while (true)
            {
                // Keyset pages of streams, by the position of their first event: memory stays bounded however many orders.
                var firsts = await db.Events.AsNoTracking()
                    .Where(e => e.Version == 1 && e.Id > after)
                    .OrderBy(e => e.Id)
                    .Select(e => new { e.Id, e.StreamId })
                    .Take(StreamsPerBatch)
                    .ToListAsync(ct);
                if (firsts.Count == 0)
                {
                    break;
                }

                var streamIds = firsts.Select(f => f.StreamId).ToList();
                var events = await db.Events.AsNoTracking()
                    .Where(e => streamIds.Contains(e.StreamId))
                    .OrderBy(e => e.StreamId).ThenBy(e => e.Version)
                    .ToListAsync(ct);
                db.Orders.AddRange(events.GroupBy(e => e.StreamId)
                    .Select(stream => OrderSummary.From(Order.FromHistory(stream.Key, stream.Select(OrderStore.ToRecorded)))));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();

                rebuilt += streamIds.Count;
                after = firsts[^1].Id;
            }

            await transaction.CommitAsync(ct);
            return rebuilt;
        }, cancellationToken);
    }
}

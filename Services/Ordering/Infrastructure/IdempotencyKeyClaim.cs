using Microsoft.EntityFrameworkCore;

namespace Ordering.Api.Infrastructure;

public static class IdempotencyKeyClaim
{
    /// <summary>
    /// Inserts the key unless it is taken, in the caller's transaction; false when it is. A concurrent request with the
    /// same key waits on the first one's uncommitted row and finds it taken once that commits (or claims it, if that
    /// rolls back). Taken is an answer here, not an error: a failed INSERT would roll back the checkout's work and
    /// reach the logs and the dashboard as EF Core errors, for a race the API expects and answers.
    /// </summary>
    public static async Task<bool> TryClaimAsync(this OrderingContext db, IdempotencyKey key, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "IdempotencyKeys" ("UserId", "Key", "RequestHash", "OrderId", "CreatedAt")
            VALUES ({key.UserId}, {key.Key}, {key.RequestHash}, {key.OrderId}, {key.CreatedAt})
            ON CONFLICT DO NOTHING
            """, cancellationToken) == 1;
}

using Microsoft.EntityFrameworkCore;

namespace Ordering.Api.Infrastructure;

/// <summary>
/// Runs a unit of work in one transaction, inside the context's execution strategy (Aspire's DbContext retries
/// transient failures, and a user transaction must run inside it), and redoes it from a clean context when it loses
/// an optimistic-concurrency race. Message handlers do not use this: their host owns the transaction and retries a
/// failed handler (a conflict included) the same way, from a fresh scope.
/// </summary>
public sealed class OrderingTransaction(OrderingContext db, ILogger<OrderingTransaction> logger)
{
    public const int MaxConflictAttempts = 5;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // A failure rolls the whole transaction back: EF's savepoint around SaveChanges would only cost round trips.
        db.Database.AutoSavepointsEnabled = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    var result = await work(ct);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return result;
                }, cancellationToken);
            }
            catch (Exception exception) when (attempt < MaxConflictAttempts && ConcurrencyConflict.IsConflict(exception))
            {
                logger.LogInformation("Concurrency conflict on attempt {Attempt}; redoing the work on the newer state.", attempt);
            }
        }
    }
}

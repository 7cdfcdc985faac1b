using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ordering.Api.Extensions;
using Ordering.Api.Infrastructure;

namespace Ordering.Api.Saga;

/// <summary>
/// Cancels and compensates sagas whose step got no answer in time. Every replica sweeps; FOR UPDATE SKIP LOCKED
/// gives each overdue saga to one of them, and a reply being handled for the same order holds the row, so the sweep
/// passes it over until that reply's decision is committed (which usually ends or moves the deadline).
/// </summary>
public sealed partial class SagaDeadlineSweeper(IServiceScopeFactory scopes, IOptions<OrderingOptions> options, TimeProvider time,
    ILogger<SagaDeadlineSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SagaSweepInterval, time);
        do
        {
            try
            {
                // A full batch means more may be due: sweep again at once.
                while (await SweepOnceAsync(stoppingToken) == options.Value.SagaSweepBatchSize)
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down or not yet migrated; the next tick tries again, the deadlines wait in their table.
                LogSweepFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Cancels and compensates one batch of overdue sagas; returns how many it handled.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingContext>();
        var runner = scope.ServiceProvider.GetRequiredService<SagaRunner>();
        var saga = scope.ServiceProvider.GetRequiredService<CheckoutSaga>();
        var transaction = scope.ServiceProvider.GetRequiredService<OrderingTransaction>();
        var batch = options.Value.SagaSweepBatchSize;

        var handled = await transaction.RunAsync(async ct =>
        {
            var now = time.GetUtcNow();
            var due = await db.SagaDeadlines
                .FromSql($"""SELECT * FROM "SagaDeadlines" WHERE "DueAt" <= {now} ORDER BY "DueAt" LIMIT {batch} FOR UPDATE SKIP LOCKED""")
                .ToListAsync(ct);
            foreach (var deadline in due)
            {
                // The runner locks the row again (this transaction holds it already) and loads the order as committed.
                await runner.ContinueAsync(deadline.OrderId, saga.OnDeadline, causedBy: null, ct);
            }
            return due.Select(d => d.OrderId).ToList();
        }, cancellationToken);

        foreach (var orderId in handled)
        {
            LogTimedOut(orderId);
        }
        return handled.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkout saga of order {OrderId} timed out; cancelled and compensated.")]
    private partial void LogTimedOut(Guid orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeping overdue checkout sagas failed; trying again at the next tick.")]
    private partial void LogSweepFailed(Exception exception);
}

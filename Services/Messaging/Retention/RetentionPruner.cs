using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Messaging.Retention;

/// <summary>
/// Keeps the outbox and inbox tables from growing forever: every <see cref="Interval"/> it deletes the rows past their
/// retention, a bounded batch per statement so no delete holds many row locks or a long transaction. Every replica
/// prunes; two deleting the same batch only find it gone.
/// </summary>
internal sealed partial class RetentionPruner<TContext>(
    IEnumerable<RetentionPolicy<TContext>> policies, IServiceScopeFactory scopes, TimeProvider time, ILogger<RetentionPruner<TContext>> logger)
    : BackgroundService
    where TContext : DbContext
{
    internal const int BatchSize = 1000;

    internal static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first round after one interval: start-up (migrations, the first messages) comes first.
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down or not yet migrated: the rows wait for the next round.
                LogPruneFailed(exception);
            }
        }
    }

    /// <summary>Deletes every row past its retention, batch by batch; returns how many rows it deleted.</summary>
    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var policy in policies)
        {
            var cutoff = time.GetUtcNow() - policy.Retention;
            int deleted, ofPolicy = 0;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                deleted = await policy.DeleteBatchAsync(scope.ServiceProvider.GetRequiredService<TContext>(), cutoff, BatchSize, cancellationToken);
                ofPolicy += deleted;
            }
            while (deleted == BatchSize);

            if (ofPolicy > 0)
            {
                LogPruned(ofPolicy, policy.Rows, policy.Retention);
            }
            total += ofPolicy;
        }
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} {Rows} older than {Retention}.")]
    private partial void LogPruned(int count, string rows, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning the messaging tables failed; trying again at the next round.")]
    private partial void LogPruneFailed(Exception exception);
}

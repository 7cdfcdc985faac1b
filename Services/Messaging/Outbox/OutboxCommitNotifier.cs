using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CloudNative.Messaging.Outbox;

/// <summary>
/// Wakes the active relay, whichever replica runs it, as soon as outbox rows commit: a Postgres NOTIFY sent in the
/// transaction that writes them, just before its commit. Postgres delivers it at the commit, and only if the
/// transaction commits, so it costs a round trip but no commit of its own. EF's single-statement SaveChanges has no
/// transaction: there the NOTIFY follows the save. A lost notification only delays publishing to the relay's poll.
/// </summary>
internal sealed class OutboxCommitNotifier(ILogger<OutboxCommitNotifier> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Contexts that saved outbox rows not yet committed. Weak, so a context that is never committed is not kept alive.
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    // Contexts the outbox added rows to since their last save: the outbox says so, where asking the change tracker
    // would detect changes across every tracked entity at each save. A mark whose rows were discarded unsaved only
    // costs a spurious wake-up.
    private readonly ConditionalWeakTable<DbContext, object> enqueued = [];

    public void Enqueued(DbContext context) => enqueued.AddOrUpdate(context, this);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    // Without a transaction around it, SaveChanges has committed by now.
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            await NotifyAsync(context);
        }
        return result;
    }

    // The synchronous paths (SaveChanges, Commit) block on the same one-statement notification.
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            NotifyAsync(context).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { Database.CurrentTransaction: null } context)
        {
            pending.Remove(context);
        }
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pending.Remove(context))
        {
            await NotifyInTransactionAsync(context, (NpgsqlTransaction)transaction, cancellationToken);
        }
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is { } context && pending.Remove(context))
        {
            NotifyInTransactionAsync(context, (NpgsqlTransaction)transaction, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Track(DbContext? context)
    {
        if (context is not null && enqueued.Remove(context))
        {
            pending.AddOrUpdate(context, this);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    private static async Task NotifyInTransactionAsync(DbContext context, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        // Inside the transaction a failure aborts it, as any failed statement does: the rows and their wake-up commit together or not at all.
        await using var command = NotifyCommand(context, transaction.Connection!);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async ValueTask NotifyAsync(DbContext context)
    {
        if (!pending.Remove(context))
        {
            return;
        }

        // The rows are committed whatever happens here: a failed NOTIFY must not fail the caller's operation.
        try
        {
            await context.Database.OpenConnectionAsync(CancellationToken.None);
            try
            {
                await using var command = NotifyCommand(context, (NpgsqlConnection)context.Database.GetDbConnection());
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                await context.Database.CloseConnectionAsync();
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Could not notify the outbox relay; it publishes the new messages at its next poll.");
        }
    }

    private static NpgsqlCommand NotifyCommand(DbContext context, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand("SELECT pg_notify(@channel, '')", connection);
        command.Parameters.AddWithValue("channel", OutboxTable.Of(context).Channel);
        return command;
    }
}

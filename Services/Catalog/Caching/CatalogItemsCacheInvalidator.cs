using System.Data.Common;
using Catalog.Api.Infrastructure;
using Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;

namespace Catalog.Api.Caching;

/// <summary>
/// Drops every cached item read once a change to items (their stock included) has committed: not before, or a
/// concurrent read could cache the old row again, and not for a rolled-back change. Writers either change tracked
/// items or, for SQL the tracker cannot see, set <see cref="CatalogContext.ItemsChanged"/>.
/// </summary>
sealed partial class CatalogItemsCacheInvalidator(HybridCache cache, ILogger<CatalogItemsCacheInvalidator> logger)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CatalogContext context
            && context.ChangeTracker.Entries<CatalogItem>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            context.ItemsChanged = true;
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    // A SaveChanges outside a transaction of the caller's has committed when it returns.
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { Database.CurrentTransaction: null })
        {
            await InvalidateIfChangedAsync(eventData.Context, cancellationToken);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await InvalidateIfChangedAsync(eventData.Context, cancellationToken);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is CatalogContext context)
        {
            context.ItemsChanged = false;
        }

        return Task.CompletedTask;
    }

    async Task InvalidateIfChangedAsync(DbContext? dbContext, CancellationToken cancellationToken)
    {
        if (dbContext is not CatalogContext { ItemsChanged: true } context)
        {
            return;
        }

        context.ItemsChanged = false;
        try
        {
            await cache.RemoveByTagAsync(CatalogCacheKeys.ItemsTag, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The change is committed and must not be retried for the cache's sake; other replicas' L1 entries
            // expire within LocalCacheExpiration, and Redis's within Expiration.
            LogInvalidationFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not invalidate the cached catalog items after a committed change")]
    partial void LogInvalidationFailed(Exception exception);
}

using Microsoft.EntityFrameworkCore;

namespace CloudNative.Messaging.Retention;

/// <summary>One kind of messaging row a service may forget after <see cref="Retention"/>, and how to delete a batch of them.</summary>
/// <param name="DeleteBatchAsync">Deletes at most the given number of rows older than the cutoff; returns how many it deleted.</param>
internal sealed record RetentionPolicy<TContext>(string Rows, TimeSpan Retention, Func<TContext, DateTimeOffset, int, CancellationToken, Task<int>> DeleteBatchAsync)
    where TContext : DbContext;

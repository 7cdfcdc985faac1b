using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CloudNative.Persistence;

public static class ServiceDbContextExtensions
{
    /// <summary>Statements each pooled connection keeps prepared (Npgsql's auto-prepare); an LRU beyond that.</summary>
    public const int MaxAutoPrepare = 100;

    /// <summary>
    /// Aspire's Npgsql DbContext (pooling, retries, health check, telemetry) over <paramref name="connectionName"/>, with
    /// two Npgsql settings for a service that runs the same statements all day (a connection string that sets either
    /// keeps its value):
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare</c>: a statement a connection runs repeatedly (EF's SQL is the same text each time) is
    /// parsed and planned once instead of on every execution. Under the order pipeline's load Postgres spent over a
    /// quarter of its CPU parsing and planning.</item>
    /// <item><c>No Reset On Close</c>: a connection going back to the pool is not reset. The reset is seven statements
    /// (with prepared statements kept, Npgsql cannot send one <c>DISCARD ALL</c>) that run before the connection's next
    /// command, and EF returns the connection after every unit of work: under load they were a third of the statements
    /// Postgres ran. Nothing here leaves session state behind: the outbox relay and the migration lock release their
    /// advisory locks and listens themselves, and everything else is transaction-scoped.</item>
    /// </list>
    /// Its statements are traced only inside a traced operation (a request, a message, a saga step): the polls and
    /// inbox checks of background loops, outside any, were thousands of one-span traces that buried the orders' own in
    /// the dashboard. And without Npgsql's first-response event, on every span, which says little more than the span's
    /// duration does with the database this close.
    /// </summary>
    public static void AddServiceDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext =>
        builder.AddNpgsqlDbContext<TContext>(connectionName, settings =>
        {
            if (settings.ConnectionString is not { } connectionString)
            {
                return;
            }

            var given = GivenSettings(connectionString);
            var tuned = new NpgsqlConnectionStringBuilder(connectionString);
            if (!given.Contains(nameof(tuned.MaxAutoPrepare)))
            {
                tuned.MaxAutoPrepare = MaxAutoPrepare;
            }
            if (!given.Contains(nameof(tuned.NoResetOnClose)))
            {
                tuned.NoResetOnClose = true;
            }
            settings.ConnectionString = tuned.ConnectionString;
        },
        options => options.UseNpgsql(npgsql => npgsql.ConfigureDataSource(dataSource => dataSource.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null)
            .EnableFirstResponseEvent(false)))));

    // Npgsql's builder answers ContainsKey for every keyword it knows, set or not; the raw pairs tell. Its keywords are
    // the property names, spaces optional ("No Reset On Close", "NoResetOnClose").
    private static HashSet<string> GivenSettings(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}

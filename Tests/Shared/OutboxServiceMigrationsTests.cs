using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CloudNative.Tests.Shared;

/// <summary>
/// The checked-in migrations of a service with an outbox: they match its model, and they add what EF does not diff,
/// the trigger whose NOTIFY wakes the relay. Without the trigger the relay still publishes, at its next poll, so the
/// saga tests alone would not tell.
/// </summary>
public abstract class OutboxServiceMigrationsTests<TContext>
    where TContext : DbContext
{
    /// <summary>The service's context on the Npgsql provider, which builds the real model; nothing opens a connection.</summary>
    protected abstract TContext CreateContext();

    [Fact]
    public void Checked_in_migrations_match_the_model()
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add` (see the service's README).
        using var context = CreateContext();

        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Migrations_add_the_trigger_that_wakes_the_outbox_relay()
    {
        using var context = CreateContext();
        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("AFTER INSERT ON \"OutboxMessages\"", script, StringComparison.Ordinal);
        Assert.Contains("PERFORM pg_notify(TG_ARGV[0], '')", script, StringComparison.Ordinal);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CloudNative.Tests.Shared;

// What a service's migrations must add for its outbox beyond the model, which EF does not diff: the trigger whose
// NOTIFY wakes the relay. Without it the relay still publishes, at its next poll, so the saga tests alone would not tell.
static class OutboxMigrations
{
    public static void AssertTheyWakeTheRelay(DbContext context)
    {
        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("AFTER INSERT ON \"OutboxMessages\"", script, StringComparison.Ordinal);
        Assert.Contains("PERFORM pg_notify(TG_ARGV[0], '')", script, StringComparison.Ordinal);
    }
}

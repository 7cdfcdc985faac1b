using Microsoft.EntityFrameworkCore.Metadata;

namespace CloudNative.Messaging.Outbox;

/// <summary>
/// Wakes the active relay, whichever replica runs it, as soon as outbox rows commit: a statement trigger on the outbox
/// table NOTIFYs its channel. Postgres delivers a notification at the commit, only if the transaction commits, and
/// once per transaction however many rows it wrote (it folds identical ones). In the database it costs the services no
/// round trip; sent by them, just before each commit, it cost one per transaction. A lost notification only delays
/// publishing to the relay's next poll.
/// </summary>
internal static class OutboxNotification
{
    /// <summary>
    /// The trigger on <paramref name="tableName"/>, as <c>AddOutbox</c> named it, and the function it runs. Both are
    /// named after the table, so each outbox's can be dropped without touching another's.
    /// </summary>
    public static string CreateSql(string tableName = OutboxTable.DefaultName, string? schema = null)
    {
        var table = StoreObjectIdentifier.Table(tableName, schema);
        return $"""
            CREATE OR REPLACE FUNCTION {FunctionName(tableName, schema)}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify(TG_ARGV[0], '');
                RETURN NULL;
            END
            $$;
            CREATE TRIGGER {OutboxTable.Quote(TriggerName(tableName))} AFTER INSERT ON {OutboxTable.QualifiedNameOf(table)}
                FOR EACH STATEMENT EXECUTE FUNCTION {FunctionName(tableName, schema)}('{OutboxTable.ChannelOf(table).Replace("'", "''", StringComparison.Ordinal)}');
            """;
    }

    public static string DropSql(string tableName = OutboxTable.DefaultName, string? schema = null) =>
        $"""
        DROP TRIGGER IF EXISTS {OutboxTable.Quote(TriggerName(tableName))} ON {OutboxTable.QualifiedNameOf(StoreObjectIdentifier.Table(tableName, schema))};
        DROP FUNCTION IF EXISTS {FunctionName(tableName, schema)}();
        """;

    private static string TriggerName(string tableName) => $"{tableName}_notify_relay";

    private static string FunctionName(string tableName, string? schema) => Qualified(TriggerName(tableName), schema);

    private static string Qualified(string name, string? schema) =>
        schema is null ? OutboxTable.Quote(name) : $"{OutboxTable.Quote(schema)}.{OutboxTable.Quote(name)}";
}

using Npgsql;

namespace CloudNative.Messaging.Tests.Infrastructure;

/// <summary>Outbox rows written straight into a test database, in the connection's transaction if it has one.</summary>
public static class OutboxRows
{
    public static async Task InsertAsync(NpgsqlConnection connection, int count, DateTimeOffset occurredAt, DateTimeOffset? publishedAt = null)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO "OutboxMessages" ("MessageId", "Topic", "Key", "MessageType", "Payload", "OccurredAt", "CorrelationId", "PublishedAt")
            SELECT gen_random_uuid(), 'roundtrip', 'order-1', 'order-placed', '\x7b7d'::bytea, $1, gen_random_uuid(), $2 FROM generate_series(1, $3)
            """, connection);
        command.Parameters.Add(new() { Value = occurredAt });
        command.Parameters.Add(new() { Value = (object?)publishedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = count });
        await command.ExecuteNonQueryAsync();
    }
}

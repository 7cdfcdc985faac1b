using Npgsql;

namespace CloudNative.Bench.Orders;

/// <summary>
/// The AppHost's Postgres, reached with a connection string DCP gave a service (so through the address the services
/// use, with the server's credentials): the catalog's stock, the orders read model and idempotency keys, and each
/// database's commit count.
/// </summary>
internal sealed class Databases(string serviceConnectionString)
{
    public static readonly string[] ServiceDatabases = ["catalogdb", "identitydb", "orderingdb", "paymentsdb"];

    public NpgsqlConnectionStringBuilder Server(string database = "postgres") => new(serviceConnectionString) { Database = database };

    /// <summary>Every product gets stock enough for the whole run, so orders fail only for the pipeline's own reasons.</summary>
    public async Task<IReadOnlyList<int>> StockUpAsync(int stock, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync("catalogdb", cancellationToken);
        await using (var update = new NpgsqlCommand("""UPDATE "Catalog" SET "AvailableStock" = @stock""", connection))
        {
            update.Parameters.AddWithValue("stock", stock);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = new NpgsqlCommand("""SELECT "Id" FROM "Catalog" ORDER BY "Id" """, connection);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var ids = new List<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt32(0));
        }

        return ids;
    }

    public async Task<IReadOnlyDictionary<Guid, OrderOutcome>> OutcomesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync("orderingdb", cancellationToken);
        await using var select = new NpgsqlCommand("""SELECT "Id", "Status", "CancelReason", "SubmittedAt", "UpdatedAt" FROM "Orders" WHERE "Id" = ANY(@ids)""", connection);
        select.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var outcomes = new Dictionary<Guid, OrderOutcome>();
        while (await reader.ReadAsync(cancellationToken))
        {
            outcomes[reader.GetGuid(0)] = new OrderOutcome(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4));
        }

        return outcomes;
    }

    /// <summary>
    /// Orders beyond one per Idempotency-Key: the bench's keys (by prefix) against the orders submitted since the run
    /// began that no key points at (a second order for a key already taken), plus keys answered with two order ids.
    /// </summary>
    public async Task<(long Keys, long OrdersSince, long OrdersWithoutKey)> IdempotencyAsync(string keyPrefix, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync("orderingdb", cancellationToken);
        await using var select = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM "IdempotencyKeys" WHERE "Key" LIKE @prefix),
                   (SELECT count(*) FROM "Orders" WHERE "SubmittedAt" >= @since),
                   (SELECT count(*) FROM "Orders" o WHERE o."SubmittedAt" >= @since
                        AND NOT EXISTS (SELECT 1 FROM "IdempotencyKeys" k WHERE k."OrderId" = o."Id"))
            """, connection);
        select.Parameters.AddWithValue("prefix", keyPrefix + "-%");
        select.Parameters.AddWithValue("since", since);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Transactions committed in the service databases so far (pg_stat_database; read-only ones count too).</summary>
    public async Task<long> CommitsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync("postgres", cancellationToken);
        await using var select = new NpgsqlCommand("SELECT coalesce(sum(xact_commit), 0)::bigint FROM pg_stat_database WHERE datname = ANY(@names)", connection);
        select.Parameters.AddWithValue("names", ServiceDatabases);
        return (long)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<string> SettingAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync("postgres", cancellationToken);
        await using var show = new NpgsqlCommand("SELECT current_setting(@name)", connection);
        show.Parameters.AddWithValue("name", name);
        return (string)(await show.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync("postgres", cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsync(string database, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(Server(database).ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}

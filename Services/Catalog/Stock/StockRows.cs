using Catalog.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Catalog.Api.Stock;

/// <summary>
/// Stock changes for the saga's commands, each in one round trip: the consumer applies them one after another in one
/// lane, so on a busy machine the lane's speed is its number of round trips. The UPDATE's own row locks and its WHERE,
/// re-checked on the latest row version, are the guard: stock never goes below zero. No SELECT … FOR UPDATE first: a
/// row locked and then updated in a subtransaction (the consumer once put a savepoint around each message) gets a
/// MultiXact, and every later reader of the row's versions pays to resolve it (a fifth of Postgres's CPU under the
/// orders bench).
/// </summary>
static class StockRows
{
    const string ReadSql = """SELECT "Id", "Price", "AvailableStock" FROM "Catalog" WHERE "Id" = ANY($1)""";

    // All lines or none: nothing is taken if a product is unknown or short, or if the order already has a reservation.
    // A writer racing this one can still leave a line short after the check: then only the other lines are taken.
    const string TakeSql = """
        UPDATE "Catalog" AS c SET "AvailableStock" = c."AvailableStock" - w.quantity
        FROM unnest($1::integer[], $2::integer[]) AS w(id, quantity)
        WHERE c."Id" = w.id AND c."AvailableStock" >= w.quantity
          AND NOT EXISTS (SELECT FROM "StockReservations" WHERE "OrderId" = $3)
          AND NOT EXISTS (
            SELECT FROM unnest($1::integer[], $2::integer[]) AS x(id, quantity) LEFT JOIN "Catalog" AS k ON k."Id" = x.id
            WHERE k."Id" IS NULL OR k."AvailableStock" < x.quantity)
        RETURNING c."Id"
        """;

    const string ReturnSql = """
        UPDATE "Catalog" AS c SET "AvailableStock" = c."AvailableStock" + w.quantity
        FROM unnest($1::integer[], $2::integer[]) AS w(id, quantity)
        WHERE c."Id" = w.id
        """;

    const string ReservedSql = """SELECT EXISTS (SELECT FROM "StockReservations" WHERE "OrderId" = $1)""";

    /// <summary>
    /// Takes every line from stock, or none. Says whether the order already had a reservation (then nothing is taken),
    /// what each known product's row held just before (price and available stock), and which products were taken.
    /// </summary>
    public static async Task<StockTake> TakeAsync(this CatalogContext context, Guid orderId, IReadOnlyList<(int ProductId, int Quantity)> lines,
        CancellationToken cancellationToken)
    {
        var (ids, quantities) = Columns(lines);
        await using var batch = Batch(context,
            Command(ReservedSql, orderId),
            Command(ReadSql, ids),
            Command(TakeSql, ids, quantities, orderId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var reserved = reader.GetBoolean(0);
        await reader.NextResultAsync(cancellationToken);
        Dictionary<int, StockRow> rows = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(reader.GetInt32(0), new StockRow(reader.GetDecimal(1), reader.GetInt32(2)));
        }

        await reader.NextResultAsync(cancellationToken);
        HashSet<int> taken = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(reader.GetInt32(0));
        }

        return new StockTake(reserved, rows, taken);
    }

    /// <summary>Gives the lines back to stock.</summary>
    public static async Task ReturnAsync(this CatalogContext context, IReadOnlyList<(int ProductId, int Quantity)> lines, CancellationToken cancellationToken)
    {
        var (ids, quantities) = Columns(lines);
        await using var batch = Batch(context, Command(ReturnSql, ids, quantities));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    static (int[] Ids, int[] Quantities) Columns(IReadOnlyList<(int ProductId, int Quantity)> lines) =>
        ([.. lines.Select(l => l.ProductId)], [.. lines.Select(l => l.Quantity)]);

    // Inside the consumer's transaction, on the context's connection.
    static NpgsqlBatch Batch(CatalogContext context, params NpgsqlBatchCommand[] commands)
    {
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Stock is changed inside the consumer's transaction.");
        var batch = new NpgsqlBatch((NpgsqlConnection)context.Database.GetDbConnection(), (NpgsqlTransaction)transaction);
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        return batch;
    }

    static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}

/// <summary>A product's row as read just before the change: its price and the stock available.</summary>
sealed record StockRow(decimal Price, int Available);

/// <summary>What <see cref="StockRows.TakeAsync"/> found and did.</summary>
sealed record StockTake(bool AlreadyReserved, IReadOnlyDictionary<int, StockRow> Rows, IReadOnlySet<int> Taken);

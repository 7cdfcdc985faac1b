using Npgsql;

namespace CloudNative.IntegrationTests;

/// <summary>Plain SQL on the app's databases: what the services really stored, beside what their APIs say.</summary>
internal static class Databases
{
    public static async Task<List<T>> QueryAsync<T>(this AppHostFixture fixture, string database, string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = await OpenAsync(fixture, database);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        List<T> rows = [];
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    public static async Task<T> ScalarAsync<T>(this AppHostFixture fixture, string database, string sql, params object[] parameters) =>
        (await fixture.QueryAsync(database, sql, r => r.GetFieldValue<T>(0), parameters)).Single();

    public static async Task ExecuteAsync(this AppHostFixture fixture, string database, string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync(fixture, database);
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>On a connection the test keeps open, e.g. one holding a lock.</summary>
    public static async Task ExecuteAsync(this NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<NpgsqlConnection> OpenAsync(this AppHostFixture fixture, string database)
    {
        var connection = new NpgsqlConnection(await fixture.ConnectionStringAsync(database));
        await connection.OpenAsync();
        return connection;
    }

    // Positional parameters: $1, $2, … in the SQL.
    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return command;
    }
}

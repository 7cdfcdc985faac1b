using Npgsql;

namespace CloudNative.Hosting.Postgres;

internal static class PostgresDatabaseCreator
{
    private const string DuplicateDatabase = "42P04";

    public static async Task CreateAllAsync(PostgresServerResource server, CancellationToken cancellationToken)
    {
        if (server.Databases.Count == 0)
        {
            return;
        }

        await using var dataSource = NpgsqlDataSource.Create(await ((ApplicationModel.IResourceWithConnectionString)server).GetConnectionStringAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty);
        foreach (var databaseName in server.Databases.Values)
        {
            var quoted = "\"" + databaseName.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await using var command = dataSource.CreateCommand($"CREATE DATABASE {quoted}");
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex) when (ex.SqlState == DuplicateDatabase)
            {
                // Kept from an earlier run: nothing to do.
            }
        }
    }
}

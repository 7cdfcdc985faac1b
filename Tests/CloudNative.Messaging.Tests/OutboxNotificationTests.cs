using CloudNative.Messaging.Outbox;
using CloudNative.Messaging.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CloudNative.Messaging.Tests;

/// <summary>The outbox table's trigger, as a service's migration installs it (the fixture's databases have it).</summary>
[Collection(MessagingCollection.Name)]
public sealed class OutboxNotificationTests(MessagingFixture fixture)
{
    private static readonly string Channel = OutboxTable.ChannelOf(StoreObjectIdentifier.Table(OutboxTable.DefaultName, null));

    [Fact]
    public async Task A_committed_insert_notifies_once_however_many_rows_and_a_rolled_back_one_not_at_all()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var connectionString = await fixture.CreateDatabaseAsync();
        await using var listener = new NpgsqlConnection(connectionString);
        await listener.OpenAsync(timeout.Token);
        List<string> received = [];
        listener.Notification += (_, notification) => received.Add(notification.Payload);
        await ExecuteAsync(listener, $"LISTEN {OutboxTable.Quote(Channel)}", timeout.Token);

        await using (var writer = new NpgsqlConnection(connectionString))
        {
            await writer.OpenAsync(timeout.Token);
            await InsertTwoRowsAsync(writer, commit: false, timeout.Token);
            await InsertTwoRowsAsync(writer, commit: true, timeout.Token);
            // Postgres delivers notifications in commit order, so this one marks the end of what the inserts sent.
            await ExecuteAsync(writer, $"SELECT pg_notify('{Channel}', 'end')", timeout.Token);
        }

        while (!received.Contains("end"))
        {
            await listener.WaitAsync(timeout.Token);
        }
        Assert.Equal(["", "end"], received);
    }

    [Fact]
    public async Task Dropping_it_removes_the_trigger_and_its_function_and_it_can_be_added_again()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var connection = new NpgsqlConnection(await fixture.CreateDatabaseAsync());
        await connection.OpenAsync(timeout.Token);
        Assert.Equal((1, 1), await CountTriggerAndFunctionAsync(connection, timeout.Token));

        await ExecuteAsync(connection, OutboxNotification.DropSql(), timeout.Token);
        Assert.Equal((0, 0), await CountTriggerAndFunctionAsync(connection, timeout.Token));

        await ExecuteAsync(connection, OutboxNotification.CreateSql(), timeout.Token);
        Assert.Equal((1, 1), await CountTriggerAndFunctionAsync(connection, timeout.Token));
    }

    private static async Task InsertTwoRowsAsync(NpgsqlConnection connection, bool commit, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await OutboxRows.InsertAsync(connection, 2, DateTimeOffset.UtcNow);
        await (commit ? transaction.CommitAsync(cancellationToken) : transaction.RollbackAsync(cancellationToken));
    }

    private static async Task<(long Triggers, long Functions)> CountTriggerAndFunctionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM pg_trigger WHERE tgname = $1), (SELECT count(*) FROM pg_proc WHERE proname = $1)", connection)
        {
            Parameters = { new() { Value = $"{OutboxTable.DefaultName}_notify_relay" } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

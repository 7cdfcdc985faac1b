using System.Diagnostics;
using System.Text;
using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Telemetry;
using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CloudNative.Messaging.Outbox;

/// <summary>
/// Publishes a service's outbox rows in id order and marks them once the broker has acknowledged them.
/// <para>
/// One relay per service is active: each replica's relay takes a Postgres advisory lock on a connection it keeps
/// open, and the others try for it every <see cref="OutboxOptions.TakeoverInterval"/>. Postgres releases it when the
/// holder's session ends, crash included, so a standing-by replica takes over within that interval. A single active
/// publisher with an idempotent producer (acks=all) keeps each key's order; a crash between publishing and marking
/// publishes those rows again (at least once), which the consumers' inboxes absorb.
/// </para>
/// <para>
/// All SQL runs on that one physical connection, without EF's retrying execution strategy: a retry on a fresh
/// connection would carry on publishing without holding the lock.
/// </para>
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes, IProducer<string, byte[]> producer, OutboxOptions options, TimeProvider time, ILogger<OutboxRelay<TContext>> logger)
    : BackgroundService
    where TContext : DbContext
{
    // In the order the reader below reads them.
    private static readonly string[] SelectedProperties =
    [
        nameof(OutboxMessage.Id), nameof(OutboxMessage.MessageId), nameof(OutboxMessage.Topic), nameof(OutboxMessage.Key),
        nameof(OutboxMessage.MessageType), nameof(OutboxMessage.Payload), nameof(OutboxMessage.OccurredAt),
        nameof(OutboxMessage.CorrelationId), nameof(OutboxMessage.CausationId), nameof(OutboxMessage.TraceParent),
        nameof(OutboxMessage.TraceState),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RelayWhileHoldingTheLockAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogRelayFailed(exception, options.RetryDelay);
                try
                {
                    await Task.Delay(options.RetryDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RelayWhileHoldingTheLockAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var table = OutboxTable.Of(context);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var notified = new NotificationFlag();
        connection.Notification += notified.OnNotification;
        try
        {
            await TakeTheLockAsync(connection, table, cancellationToken);
            await ExecuteSqlAsync(connection, $"LISTEN \"{table.Channel.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
            LogActive(table.QualifiedName);

            List<OutboxMessage> published = [];
            while (true)
            {
                // Reset before reading: a commit notified while the batch is read or published wakes the next round.
                notified.Reset();
                var batch = await MarkAndReadBatchAsync(connection, table, published, cancellationToken);
                published = [];
                if (batch.Count == 0)
                {
                    if (!notified.IsSet)
                    {
                        await connection.WaitAsync(options.PollInterval, cancellationToken);
                    }
                    continue;
                }

                // Marked by the next round's read, in the same round trip.
                published = await PublishAsync(batch, cancellationToken);
                if (published.Count < batch.Count)
                {
                    // The rest failed to publish (already logged); their keys wait, in order, for the next round.
                    await Task.Delay(options.RetryDelay, time, cancellationToken);
                }
            }
        }
        finally
        {
            connection.Notification -= notified.OnNotification;
            await ReleaseAsync(context, connection);
        }
    }

    /// <summary>
    /// Tries for the lock until it is free, rather than waiting inside <c>pg_advisory_lock</c>: a statement that waits
    /// keeps its snapshot, and a snapshot held for as long as another replica is active kept Postgres from removing any
    /// row version this database updated or deleted meanwhile (outbox marks, read models, stock), so every query on
    /// those rows slowed as the run went on: the relay's own read took 7 ms after a few minutes under load.
    /// </summary>
    private async Task TakeTheLockAsync(NpgsqlConnection connection, OutboxTable table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtext(@channel))", connection);
        command.Parameters.AddWithValue("channel", table.Channel);
        var standingBy = false;
        while (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            if (!standingBy)
            {
                LogStandingBy(table.QualifiedName, options.TakeoverInterval);
                standingBy = true;
            }
            await Task.Delay(options.TakeoverInterval, time, cancellationToken);
        }
    }

    // The connection goes back to Npgsql's pool, which keeps the session: unlock and unlisten explicitly, or an idle
    // pooled connection would hold the lock against every other replica.
    private async Task ReleaseAsync(TContext context, NpgsqlConnection connection)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteSqlAsync(connection, "SELECT pg_advisory_unlock_all(); UNLISTEN *", CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // A broken connection is not returned to the pool: its session, and the lock, end with it.
            LogReleaseFailed(exception);
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Marks the rows published last round and reads the next batch, in one round trip and one implicit transaction
    /// (Npgsql runs a batch as one): a busy relay costs one commit per round, not two.
    /// </summary>
    private async Task<List<OutboxMessage>> MarkAndReadBatchAsync(NpgsqlConnection connection, OutboxTable table, List<OutboxMessage> published,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (published.Count > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"UPDATE {table.QualifiedName} SET {table.Column(nameof(OutboxMessage.PublishedAt))} = $1 WHERE {table.Column(nameof(OutboxMessage.Id))} = ANY($2)")
            {
                Parameters = { new() { Value = time.GetUtcNow() }, new() { Value = published.Select(m => m.Id).ToArray() } },
            });
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT {string.Join(", ", SelectedProperties.Select(table.Column))} FROM {table.QualifiedName} " +
            $"WHERE {table.Column(nameof(OutboxMessage.PublishedAt))} IS NULL ORDER BY {table.Column(nameof(OutboxMessage.Id))} LIMIT $1")
        {
            Parameters = { new() { Value = options.BatchSize } },
        });

        // Marking is not cancelled by shutdown: the rows are out, and leaving them unmarked only republishes them.
        await using var reader = await batch.ExecuteReaderAsync(published.Count > 0 ? CancellationToken.None : cancellationToken);
        foreach (var topic in published.CountBy(m => m.Topic))
        {
            MessagingTelemetry.Published.Add(topic.Value, new KeyValuePair<string, object?>(MessagingTelemetry.TopicTag, topic.Key));
        }

        // Past the UPDATE's result, which has no columns, to the SELECT's.
        while (reader.FieldCount == 0 && await reader.NextResultAsync(cancellationToken))
        {
        }
        List<OutboxMessage> rows = [];
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxMessage
            {
                Id = reader.GetInt64(0),
                MessageId = reader.GetGuid(1),
                Topic = reader.GetString(2),
                Key = reader.GetString(3),
                MessageType = reader.GetString(4),
                Payload = reader.GetFieldValue<byte[]>(5),
                OccurredAt = reader.GetFieldValue<DateTimeOffset>(6),
                CorrelationId = reader.GetGuid(7),
                CausationId = reader.IsDBNull(8) ? null : reader.GetGuid(8),
                TraceParent = reader.IsDBNull(9) ? null : reader.GetString(9),
                TraceState = reader.IsDBNull(10) ? null : reader.GetString(10),
            });
        }
        return rows;
    }

    private async Task<List<OutboxMessage>> PublishAsync(List<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        // All sent before any is awaited: the idempotent producer keeps them in send order per partition, retries
        // included, so the batch costs one round of acknowledgements rather than one per row.
        var sends = batch.Select(row => (Row: row, Delivery: Send(row, cancellationToken))).ToList();

        List<OutboxMessage> published = [];
        HashSet<string> failedKeys = [];
        foreach (var (row, delivery) in sends)
        {
            try
            {
                await delivery;
                // A key whose earlier row failed keeps its later rows unmarked too, so they go out again after it.
                if (!failedKeys.Contains(row.Key))
                {
                    published.Add(row);
                }
            }
            catch (ProduceException<string, byte[]> exception)
            {
                failedKeys.Add(row.Key);
                LogPublishFailed(exception, row.MessageId, row.Topic, exception.Error.Reason);
            }
        }
        return published;
    }

    private Task<DeliveryResult<string, byte[]>> Send(OutboxMessage row, CancellationToken cancellationToken)
    {
        var headers = new Headers();
        new EventEnvelope(row.MessageId, row.MessageType, row.OccurredAt, row.CorrelationId, row.CausationId).WriteTo(headers);
        // The enqueuing span's context, as the message would have carried had it been sent right then. ServiceDefaults'
        // producer replaces it with its send span, a child of the span below, whenever that span is recorded.
        if (row.TraceParent is not null)
        {
            headers.Add(EnvelopeHeaders.TraceParent, Encoding.UTF8.GetBytes(row.TraceParent));
            if (row.TraceState is not null)
            {
                headers.Add(EnvelopeHeaders.TraceState, Encoding.UTF8.GetBytes(row.TraceState));
            }
        }

        ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity($"outbox relay {row.Topic}", ActivityKind.Internal, parent,
            [new(MessagingTelemetry.TopicTag, row.Topic), new("messaging.message.id", row.MessageId.ToString())]);
        return producer.ProduceAsync(row.Topic, new Message<string, byte[]> { Key = row.Key, Value = row.Payload, Headers = headers }, cancellationToken);
    }

    private static async Task ExecuteSqlAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This replica's outbox relay is active for {Table}.")]
    private partial void LogActive(string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another replica's outbox relay is active for {Table}; this one tries to take over every {Interval}.")]
    private partial void LogStandingBy(string table, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox relay failed; it starts again in {Delay}.")]
    private partial void LogRelayFailed(Exception exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox relay could not release its lock; closing its connection does.")]
    private partial void LogReleaseFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} to {Topic} failed: {Reason}. It stays queued.")]
    private partial void LogPublishFailed(Exception exception, Guid messageId, string topic, string reason);

    // Npgsql raises notifications on whichever call is reading the connection, the batch query included.
    private sealed class NotificationFlag
    {
        private int set;

        public bool IsSet => Volatile.Read(ref set) == 1;

        public void Reset() => Volatile.Write(ref set, 0);

        public void OnNotification(object sender, NpgsqlNotificationEventArgs e) => Volatile.Write(ref set, 1);
    }
}

using System.Diagnostics;
using CloudNative.Persistence;
using Identity.Api.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CloudNative.Persistence.Tests;

/// <summary>Which statements of a service's DbContext become spans, against a real Postgres.</summary>
public sealed class StatementTracingTests : IAsyncLifetime
{
    // Named by a constant: the listener is asked about every source while this class's statics may not be set yet.
    private const string OperationsSource = "CloudNative.Persistence.Tests.Operations";

    private static readonly ActivitySource Operations = new(OperationsSource);

    private readonly List<Activity> _stopped = [];
    private PostgresServer? _postgres;
    private ActivityListener? _listener;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _postgres = await PostgresServer.StartAsync(timeout.Token);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" || source.Name == OperationsSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_stopped)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task A_statement_inside_an_operation_is_its_child_and_one_outside_any_is_not_traced()
    {
        using var host = ServiceContext.Host(_postgres!.ConnectionString("postgres"));
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceContext>();
        var marker = Guid.NewGuid().ToString("N");

        await OnItsConnectionAsync(db, connection => new NpgsqlCommand($"SELECT 'outside-{marker}'", connection).ExecuteNonQueryAsync());
        await OnItsConnectionAsync(db, connection => Batch(connection, $"outside-batch-{marker}").ExecuteNonQueryAsync());
        using (var operation = Operations.StartActivity("operation"))
        {
            await OnItsConnectionAsync(db, connection => new NpgsqlCommand($"SELECT 'inside-{marker}'", connection).ExecuteNonQueryAsync());
            await OnItsConnectionAsync(db, connection => Batch(connection, $"inside-batch-{marker}").ExecuteNonQueryAsync());

            var spans = Spans(marker);
            Assert.Equal(2, spans.Count);
            Assert.All(spans, span =>
            {
                Assert.Contains("inside-", (string)span.GetTagItem("db.query.text")!, StringComparison.Ordinal);
                Assert.Equal(operation!.SpanId, span.ParentSpanId);
                Assert.Empty(span.Events);
            });
        }
    }

    private List<Activity> Spans(string marker)
    {
        lock (_stopped)
        {
            return [.. _stopped.Where(a => a.Source.Name == "Npgsql" && a.GetTagItem("db.query.text") is string text && text.Contains(marker, StringComparison.Ordinal))];
        }
    }

    // On the context's own connection, so through the data source its options configured.
    private static async Task OnItsConnectionAsync(ServiceContext db, Func<NpgsqlConnection, Task> statement)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await statement((NpgsqlConnection)db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static NpgsqlBatch Batch(NpgsqlConnection connection, string text) => new(connection) { BatchCommands = { new($"SELECT '{text}'") } };

    public async Task DisposeAsync()
    {
        _listener?.Dispose();
        NpgsqlConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

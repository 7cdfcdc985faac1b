using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ordering.Api.Extensions;
using Ordering.Api.Infrastructure;

namespace Ordering.Api.Saga;

/// <summary>
/// Admission control for checkout. Each replica measures the open sagas a few times a second: how many, and how long
/// the oldest step has waited for its answer. While that wait is over <see cref="OrderingOptions.MaxSagaWait"/> the
/// pipeline is behind, and checkout refuses new orders (503, Retry-After) instead of accepting orders that would queue
/// until their deadline cancels them, each cancellation costing a compensation on top.
/// </summary>
public sealed partial class SagaBacklog : BackgroundService
{
    public const string MeterName = "Ordering.Api.Sagas";

    private readonly IServiceScopeFactory scopes;
    private readonly IOptionsMonitor<OrderingOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<SagaBacklog> logger;
    private volatile Measured measured = new(0, TimeSpan.Zero);

    public SagaBacklog(IServiceScopeFactory scopes, IOptionsMonitor<OrderingOptions> options, TimeProvider time, IMeterFactory meters, ILogger<SagaBacklog> logger)
    {
        (this.scopes, this.options, this.time, this.logger) = (scopes, options, time, logger);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("ordering.saga.open", () => measured.Open, unit: "{saga}", description: "Checkout sagas waiting for an answer.");
        meter.CreateObservableGauge("ordering.saga.oldest_wait", () => measured.OldestWait.TotalSeconds, unit: "s",
            description: "How long the oldest open saga step has waited for its answer; checkout refuses orders above Ordering:MaxSagaWait.");
    }

    /// <summary>True while the oldest open saga step has waited longer than allowed: no new orders until it catches up.</summary>
    public bool IsFull => measured.OldestWait > options.CurrentValue.MaxSagaWait;

    /// <summary>Measures the backlog now.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingContext>();
        var backlog = await db.Database
            .SqlQuery<Backlog>($"""SELECT count(*)::integer AS "Open", min("DueAt") AS "OldestDueAt" FROM "SagaDeadlines" """)
            .SingleAsync(cancellationToken);
        // A step's deadline is set when it starts waiting, one saga timeout ahead.
        var waited = backlog.OldestDueAt is { } due ? time.GetUtcNow() - (due - options.CurrentValue.SagaTimeout) : TimeSpan.Zero;
        var wasFull = IsFull;
        measured = new Measured(backlog.Open, waited > TimeSpan.Zero ? waited : TimeSpan.Zero);
        if (IsFull != wasFull)
        {
            LogAdmission(IsFull ? "refusing" : "accepting", measured.Open, measured.OldestWait.TotalSeconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.CurrentValue.SagaBacklogInterval, time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The last measure stands until the database answers again; the checkout's own writes fail meanwhile.
                LogMeasureFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private sealed record Backlog(int Open, DateTimeOffset? OldestDueAt);

    private sealed record Measured(int Open, TimeSpan OldestWait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkout is {Admission} orders: {Open} sagas open, the oldest step waiting {WaitedSeconds:0.0} s.")]
    private partial void LogAdmission(string admission, int open, double waitedSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Measuring the saga backlog failed; checkout keeps the last measure.")]
    private partial void LogMeasureFailed(Exception exception);
}

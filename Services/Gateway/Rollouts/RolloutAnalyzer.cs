using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Gateway.Api.Rollouts;

// At the end of each window (and once the replicas' last samples are in), one replica judges each progressing rollout
// on that window's requests: the first to claim the window in Redis. It promotes the canary a step or rolls it back
// through compare-and-set, so a rollout an admin changed meanwhile is left alone. Every verdict is logged, traced and
// counted.
sealed class RolloutAnalyzer(RolloutStore store, RolloutStates states, RolloutSamples samples, RolloutMetrics metrics,
    IOptions<RolloutOptions> options, TimeProvider time, ILogger<RolloutAnalyzer> logger) : BackgroundService
{
    readonly RolloutWindows windows = new(options.Value.Window);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var grace = 2 * options.Value.FlushInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var window = windows.IndexAt(time.GetUtcNow());
            var delay = windows.EndOf(window) + grace - time.GetUtcNow();
            await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, stoppingToken);

            // This replica's own samples of the window are in before it judges it.
            await samples.FlushAsync();
            foreach (var rollout in states.All.Where(state => state.Status == RolloutStatus.Progressing))
            {
                try
                {
                    await JudgeAsync(rollout, window);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Whatever went wrong, the gateway keeps serving: an unjudged window leaves the weight as it is.
                    logger.LogWarning(e, "Rollout {Rollout}: window {Window} was not judged; the canary stays at {Weight}%.", rollout.Name, window, rollout.Weight);
                }
            }
        }
    }

    public async Task JudgeAsync(RolloutState known, long window)
    {
        var rollout = await store.ReadAsync(known.Name, known.Canary);
        if (rollout.Status != RolloutStatus.Progressing || !await store.TryClaimVerdictAsync(rollout.Name, rollout.Version, window))
        {
            return;
        }

        using var activity = RolloutMetrics.Source.StartActivity($"rollout analysis {rollout.Name}");
        var stable = await store.ReadSamplesAsync(rollout.Name, rollout.Version, window, RolloutDestination.Stable);
        var canary = await store.ReadSamplesAsync(rollout.Name, rollout.Version, window, RolloutDestination.Canary);
        var decision = RolloutAnalysis.Decide(rollout, stable, canary, options.Value);
        activity?.SetTag("gateway.rollout", rollout.Name)
            .SetTag("gateway.rollout.window", window)
            .SetTag("gateway.rollout.weight", rollout.Weight)
            .SetTag("gateway.rollout.decision", decision.Name)
            .SetTag("gateway.rollout.next_weight", decision.Weight)
            .SetTag("gateway.rollout.stable.requests", stable.Requests)
            .SetTag("gateway.rollout.stable.error_rate", stable.ErrorRate)
            .SetTag("gateway.rollout.stable.p95_ms", stable.P95.TotalMilliseconds)
            .SetTag("gateway.rollout.canary.requests", canary.Requests)
            .SetTag("gateway.rollout.canary.error_rate", canary.ErrorRate)
            .SetTag("gateway.rollout.canary.p95_ms", canary.P95.TotalMilliseconds);

        if (decision.Verdict == RolloutVerdict.Inconclusive)
        {
            metrics.Decided(rollout.Name, decision.Name, "analysis");
            logger.LogInformation("Rollout {Rollout} holds {Weight}% after window {Window}: {Reason}", rollout.Name, rollout.Weight, window, decision.Reason);
            return;
        }

        var status = decision.Verdict == RolloutVerdict.RollBack ? RolloutStatus.RolledBack
            : decision.Weight == 100 ? RolloutStatus.Promoted
            : RolloutStatus.Progressing;
        if (await store.TryChangeAsync(rollout, decision.Weight, status, decision.Reason) is not { } changed)
        {
            activity?.SetTag("gateway.rollout.decision", "superseded");
            logger.LogInformation("Rollout {Rollout} changed while window {Window} was judged; its verdict ({Decision}) is dropped.", rollout.Name, window, decision.Name);
            return;
        }

        await states.ApplyAsync(changed);
        metrics.Decided(rollout.Name, decision.Name, "analysis");
        if (decision.Verdict == RolloutVerdict.RollBack)
        {
            activity?.SetStatus(ActivityStatusCode.Error, decision.Reason);
            logger.LogWarning("Rollout {Rollout} rolled back from {Weight}% after window {Window}: {Reason}", rollout.Name, rollout.Weight, window, decision.Reason);
        }
        else
        {
            logger.LogInformation("Rollout {Rollout} promoted from {Weight}% to {Next}% after window {Window}: {Reason}",
                rollout.Name, rollout.Weight, decision.Weight, window, decision.Reason);
        }
    }
}

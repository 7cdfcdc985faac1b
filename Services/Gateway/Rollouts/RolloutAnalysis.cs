namespace Gateway.Api.Rollouts;

// The verdict on one window: the canary against stable, over the same window, so load and time of day affect both.
static class RolloutAnalysis
{
    public static RolloutDecision Decide(RolloutState state, WindowStats stable, WindowStats canary, RolloutOptions options)
    {
        if (stable.Requests < options.MinimumRequests || canary.Requests < options.MinimumRequests)
        {
            return new(RolloutVerdict.Inconclusive, state.Weight,
                $"Too few requests to judge (at least {options.MinimumRequests} each): canary {canary.Requests}, stable {stable.Requests}.");
        }

        // Rounded, so exactly the allowed increase (6 % against 1 %) counts as reaching it despite binary fractions.
        if (Math.Round(canary.ErrorRate - stable.ErrorRate, 9) >= options.MaxErrorRateIncrease)
        {
            return new(RolloutVerdict.RollBack, 0,
                $"Canary error rate {canary.ErrorRate:P1} against stable's {stable.ErrorRate:P1} (at most {options.MaxErrorRateIncrease:P1} more allowed).");
        }

        if (canary.P95 > stable.P95 * options.MaxLatencyRatio && canary.P95 - stable.P95 >= options.MinLatencyIncrease)
        {
            return new(RolloutVerdict.RollBack, 0,
                $"Canary p95 latency {canary.P95.TotalMilliseconds:0} ms against stable's {stable.P95.TotalMilliseconds:0} ms.");
        }

        var next = options.EffectiveSteps.FirstOrDefault(step => step > state.Weight, 100);
        return new(RolloutVerdict.Promote, next, $"Canary healthy at {state.Weight}% ({canary}; stable {stable}): now {next}%.");
    }
}

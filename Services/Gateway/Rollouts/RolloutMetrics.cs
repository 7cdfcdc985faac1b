using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gateway.Api.Rollouts;

// What the dashboard shows of the rollouts: each canary's weight, every decision (the analysis' and the admins'),
// and the attempts to each side of a progressing rollout. Each analysis verdict is also a span of its own.
sealed class RolloutMetrics
{
    public const string Name = "Gateway.Api.Rollouts";

    public static readonly ActivitySource Source = new(Name);

    readonly Counter<long> decisions;
    readonly Counter<long> requests;

    public RolloutMetrics(IMeterFactory meters, RolloutStates states)
    {
        var meter = meters.Create(Name);
        meter.CreateObservableGauge("gateway.rollout.weight",
            () => states.All.Select(state => new Measurement<int>(state.Weight, new KeyValuePair<string, object?>("gateway.rollout", state.Name))),
            unit: "%", description: "The share of clients the canary serves.");
        decisions = meter.CreateCounter<long>("gateway.rollout.decisions", unit: "{decision}",
            description: "Rollout decisions: the analysis' verdict on each window, and the admins' changes.");
        requests = meter.CreateCounter<long>("gateway.rollout.requests", unit: "{request}",
            description: "Attempts to a progressing rollout's stable and canary clusters, by outcome: what the analysis judges.");
    }

    public void Decided(string rollout, string decision, string source) => decisions.Add(1,
        new("gateway.rollout", rollout), new("gateway.rollout.decision", decision), new("gateway.rollout.source", source));

    public void Served(string rollout, RolloutDestination destination, bool failed) => requests.Add(1,
        new("gateway.rollout", rollout), new("gateway.rollout.destination", destination == RolloutDestination.Canary ? "canary" : "stable"),
        new("gateway.rollout.outcome", failed ? "error" : "success"));
}

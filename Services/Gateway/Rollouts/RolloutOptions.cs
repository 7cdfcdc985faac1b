namespace Gateway.Api.Rollouts;

// "Gateway:Rollouts": which clusters have a canary, and how the gateway judges one.
sealed class RolloutOptions
{
    public const string SectionName = "Gateway:Rollouts";

    static readonly int[] DefaultSteps = [10, 25, 50, 100];

    // Stable cluster id → canary cluster id ("catalog": "catalog-canary"). A rollout is named after its stable cluster
    // and splits every route to that cluster, so a user's reads and writes meet the same version.
    public Dictionary<string, string> Canaries { get; set; } = [];

    // Each window's requests are judged on their own, at its end; a regressing canary is rolled back after one window.
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    // Stable and canary each need at least this many requests in a window for a verdict; with fewer it waits.
    public int MinimumRequests { get; set; } = 20;

    // The canary's weights (percent) while it stays healthy. Configuration binds arrays by appending to a default, so
    // the default is applied when nothing is configured rather than as the initial value.
    public int[] Steps { get; set; } = [];

    // A rollback when the canary's error rate (answers ≥ 500, no answer) exceeds stable's by this much (0.05: 5 points)…
    public double MaxErrorRateIncrease { get; set; } = 0.05;

    // …or its p95 latency is this many times stable's and at least MinLatencyIncrease worse.
    public double MaxLatencyRatio { get; set; } = 1.5;

    public TimeSpan MinLatencyIncrease { get; set; } = TimeSpan.FromMilliseconds(50);

    // How often a replica re-reads the rollouts besides the change notifications, which a reconnect can miss.
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<int> EffectiveSteps => Steps.Length > 0 ? Steps : DefaultSteps;

    // Replicas send their samples this often; the window's verdict waits two of these for the last ones to arrive.
    public TimeSpan FlushInterval => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, Window.Ticks / 5));

    public bool IsValid(out string error)
    {
        var steps = EffectiveSteps;
        error =
            Window < TimeSpan.FromMilliseconds(100) ? "Window must be at least 100 ms." :
            MinimumRequests < 1 ? "MinimumRequests must be at least 1." :
            steps.Any(step => step is < 1 or > 100) || !steps.Zip(steps.Skip(1)).All(pair => pair.First < pair.Second) || steps[^1] != 100
                ? "Steps must rise from 1 to 100 and end at 100." :
            MaxErrorRateIncrease is <= 0 or > 1 ? "MaxErrorRateIncrease must be within (0, 1]." :
            MaxLatencyRatio < 1 ? "MaxLatencyRatio must be at least 1." :
            Canaries.Any(pair => pair.Key == pair.Value) ? "A canary cluster must differ from its stable cluster." :
            "";
        return error.Length == 0;
    }
}

using System.Text.Json.Serialization;

namespace Gateway.Api.Rollouts;

[JsonConverter(typeof(JsonStringEnumConverter<RolloutStatus>))]
enum RolloutStatus
{
    // Every request goes to stable; nothing to analyse.
    Off,
    // The canary takes Weight percent, and each window's analysis promotes it a step or rolls it back.
    Progressing,
    // An admin holds the canary at Weight without analysis.
    Paused,
    // The canary takes everything (the end of a rollout, or a blue-green switch).
    Promoted,
    // Back to stable, by the analysis or an admin.
    RolledBack,
}

// One rollout as the replicas share it. Version counts its changes: a change applies only to the version it was
// decided on (compare-and-set), so an analysis never overwrites an admin's newer change or the other way round.
sealed record RolloutState(string Name, string Canary, int Weight, RolloutStatus Status, long Version, string? Reason, DateTimeOffset? ChangedAt)
{
    public static RolloutState Initial(string name, string canary) => new(name, canary, 0, RolloutStatus.Off, 0, null, null);

    // What an admin's weight means: 0 and 100 end a rollout, anything between starts one (or holds it, without analysis).
    public static RolloutStatus StatusFor(int weight, bool analysis) => weight switch
    {
        0 => RolloutStatus.Off,
        100 => RolloutStatus.Promoted,
        _ => analysis ? RolloutStatus.Progressing : RolloutStatus.Paused,
    };
}

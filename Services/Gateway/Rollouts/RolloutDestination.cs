namespace Gateway.Api.Rollouts;

enum RolloutDestination
{
    Stable,
    Canary,
}

// Where one replica's samples of one window go.
readonly record struct SampleKey(string Rollout, long Version, long Window, RolloutDestination Destination);

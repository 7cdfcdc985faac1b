namespace Gateway.Api.Rollouts;

// PUT /admin/rollouts/{name}: the canary's share in percent; with Analysis (the default) a weight between 0 and 100
// starts an analysed rollout from there, without it the weight is held as set.
sealed record RolloutWeight(int? Weight, bool? Analysis);

namespace Gateway.Api.Rollouts;

enum RolloutVerdict
{
    // Too few requests to judge: the weight stays and the next window decides.
    Inconclusive,
    Promote,
    RollBack,
}

sealed record RolloutDecision(RolloutVerdict Verdict, int Weight, string Reason)
{
    public string Name => Verdict switch
    {
        RolloutVerdict.Promote => "promote",
        RolloutVerdict.RollBack => "rollback",
        _ => "inconclusive",
    };
}

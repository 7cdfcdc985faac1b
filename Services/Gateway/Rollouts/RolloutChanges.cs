using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Api.Rollouts;

// An admin's change to a rollout: compare-and-set against the state just read, again if an analysis changed it in
// between; 404 for a rollout that is not configured, 503 while Redis cannot take the change.
sealed class RolloutChanges(RolloutStore store, RolloutStates states, RolloutMetrics metrics, ILogger<RolloutChanges> logger)
{
    const int MaxAttempts = 3;

    public async Task<Results<Ok<RolloutState>, ProblemHttpResult>> ChangeAsync(string name, int weight, RolloutStatus status, string reason, string decision)
    {
        if (states.Find(name) is not { } known)
        {
            return NotFound(name);
        }

        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var current = await store.ReadAsync(name, known.Canary);
                if (await store.TryChangeAsync(current, weight, status, reason) is { } changed)
                {
                    await states.ApplyAsync(changed);
                    metrics.Decided(name, decision, "admin");
                    logger.LogInformation("Rollout {Rollout}: {Reason} ({Status}, version {Version}).", name, reason, status, changed.Version);
                    return TypedResults.Ok(changed);
                }
            }

            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: $"Rollout '{name}' kept changing while this change was applied. Read it and try again.");
        }
        catch (RolloutStoreUnavailableException e)
        {
            logger.LogWarning(e, "Rollout {Rollout}: a change ({Reason}) could not be stored.", name, reason);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable",
                detail: "Rollouts are shared through Redis, which is not answering: the gateway routes with the last weights it knows and takes no change now. Retry later.");
        }
    }

    public static ProblemHttpResult NotFound(string name) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Rollout not found", detail: $"No rollout is named '{name}'. Rollouts are configured under {RolloutOptions.SectionName}:Canaries.");
}

using Gateway.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Api.Rollouts;

// The admins' API: read the rollouts, set a canary's weight, promote it to 100 % or roll it back to 0 at once (a
// blue-green switch is a PUT of 100, and its rollback the same POST). Each change is a compare-and-set in Redis,
// announced to the other replicas, which route with it at once.
static class RolloutsApi
{
    public static IEndpointRouteBuilder MapRolloutsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/rollouts").RequireAuthorization(GatewayPolicies.Admin);
        api.MapGet("/", (RolloutStates states) => TypedResults.Ok(states.All));
        api.MapGet("/{name}", GetAsync);
        api.MapPut("/{name}", SetWeightAsync);
        api.MapPost("/{name}/promote", (string name, RolloutChanges changes) =>
            changes.ChangeAsync(name, 100, RolloutStatus.Promoted, "promoted by an admin", "promote"));
        api.MapPost("/{name}/rollback", (string name, RolloutChanges changes) =>
            changes.ChangeAsync(name, 0, RolloutStatus.RolledBack, "rolled back by an admin", "rollback"));
        return app;
    }

    // This replica's view: the weights it routes with.
    static Results<Ok<RolloutState>, ProblemHttpResult> GetAsync(string name, RolloutStates states) =>
        states.Find(name) is { } state ? TypedResults.Ok(state) : RolloutChanges.NotFound(name);

    static async Task<Results<Ok<RolloutState>, ValidationProblem, ProblemHttpResult>> SetWeightAsync(string name, RolloutWeight body, RolloutChanges changes)
    {
        if (body.Weight is not { } weight || weight is < 0 or > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["weight"] = ["The canary's weight is a whole percentage from 0 to 100."],
            });
        }

        var result = await changes.ChangeAsync(name, weight, RolloutState.StatusFor(weight, body.Analysis ?? true), $"weight set to {weight}% by an admin", "set");
        return result.Result switch
        {
            Ok<RolloutState> ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("unreachable"),
        };
    }
}

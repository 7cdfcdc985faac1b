using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Gateway.Api.Auth;

// A 403 is a problem details answer that names the role the route needs. Challenges (401) go to the scheme as usual,
// whose answer BearerChallenge writes.
sealed class AuthorizationProblems : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler standard = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return standard.HandleAsync(next, context, policy, authorizeResult);
        }

        var roles = authorizeResult.AuthorizationFailure?.FailedRequirements
            .OfType<RolesAuthorizationRequirement>()
            .SelectMany(requirement => requirement.AllowedRoles)
            .Distinct()
            .ToArray() ?? [];

        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: roles.Length > 0
                ? $"This route needs the role {string.Join(" or ", roles.Select(role => $"'{role}'"))}, which the access token does not carry."
                : "The access token does not allow this request.")
            .ExecuteAsync(context);
    }
}

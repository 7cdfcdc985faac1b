using Microsoft.AspNetCore.Authorization;

namespace Gateway.Api.Auth;

// The authorization policies a route names in its "AuthorizationPolicy" (YARP's route field). "anonymous" is YARP's own
// name for no check at all, so no policy here may take it; a route that names none gets Authenticated
// (DefaultAuthorizationPolicy).
public static class GatewayPolicies
{
    public const string Authenticated = "authenticated";
    public const string Customer = "customer";
    public const string Admin = "admin";

    public static AuthorizationBuilder AddGatewayPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Authenticated, policy => policy.RequireAuthenticatedUser())
        .AddPolicy(Customer, policy => policy.RequireAuthenticatedUser().RequireRole(TokenClaims.CustomerRole))
        .AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(TokenClaims.AdminRole));
}

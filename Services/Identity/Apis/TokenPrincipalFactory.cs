using System.Collections.Immutable;
using System.Security.Claims;
using Identity.Api.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Apis;

// What a token says about its subject: who (sub), what they may do (role), and for which API (aud).
sealed class TokenPrincipalFactory(UserManager<IdentityUser> users)
{
    public async Task<ClaimsPrincipal> CreateForUserAsync(IdentityUser user, ImmutableArray<string> scopes)
    {
        var identity = NewIdentity(user.Id, scopes);
        identity.SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.Name, user.UserName)
            // Read afresh on every grant, so a refresh picks up role changes.
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        return Finish(identity);
    }

    // A service client acts as itself: its client id is the subject, and it has no user roles.
    public static ClaimsPrincipal CreateForClient(string clientId, ImmutableArray<string> scopes) =>
        Finish(NewIdentity(clientId, scopes));

    static ClaimsIdentity NewIdentity(string subject, ImmutableArray<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetScopes(scopes)
            .SetResources(ApiResources.Audience);
        return identity;
    }

    static ClaimsPrincipal Finish(ClaimsIdentity identity)
    {
        identity.SetDestinations(claim => Destinations(claim, identity));
        return new ClaimsPrincipal(identity);
    }

    // The access token carries what the gateway authorizes on; profile data goes to the identity token only
    // when the client asked for it.
    static IEnumerable<string> Destinations(Claim claim, ClaimsIdentity identity) => claim.Type switch
    {
        Claims.Subject => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Role when identity.HasScope(Scopes.Roles) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Role => [OpenIddictConstants.Destinations.AccessToken],
        Claims.Email when identity.HasScope(Scopes.Email) => [OpenIddictConstants.Destinations.IdentityToken],
        Claims.Name when identity.HasScope(Scopes.Profile) => [OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };
}

using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.Api.Apis;

public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        // OpenIddict has already checked the client, its permissions and the request's shape (answering OAuth
        // errors itself); this endpoint only decides whether the subject gets a token.
        app.MapPost("/connect/token", ExchangeAsync).ExcludeFromDescription();
        return app;
    }

    static async Task<Results<SignInHttpResult, ForbidHttpResult>> ExchangeAsync(
        HttpContext context,
        UserManager<IdentityUser> users,
        SignInManager<IdentityUser> signIn,
        TokenPrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");

        if (request.IsPasswordGrantType())
        {
            var user = await users.FindByNameAsync(request.Username!);
            if (user is null)
            {
                return InvalidGrant("The username or password is incorrect.");
            }

            var check = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
            if (!check.Succeeded)
            {
                return InvalidGrant(check.IsLockedOut
                    ? "The account is locked out after too many failed attempts; try again later."
                    : "The username or password is incorrect.");
            }

            return SignIn(await principals.CreateForUserAsync(user, request.GetScopes()));
        }

        if (request.IsRefreshTokenGrantType())
        {
            // OpenIddict has validated the refresh token; the user behind it must still be allowed in.
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var userId = result.Principal?.GetClaim(Claims.Subject);
            var user = userId is null ? null : await users.FindByIdAsync(userId);
            if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                return InvalidGrant("The refresh token is no longer valid.");
            }

            return SignIn(await principals.CreateForUserAsync(user, result.Principal!.GetScopes()));
        }

        if (request.IsClientCredentialsGrantType())
        {
            return SignIn(TokenPrincipalFactory.CreateForClient(request.ClientId!, request.GetScopes()));
        }

        // OpenIddict rejects every grant type the server does not allow, so only a newly allowed but
        // unhandled one gets here: a bug, not a client error.
        throw new InvalidOperationException($"The grant type '{request.GrantType}' is allowed but not handled.");
    }

    static SignInHttpResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    static ForbidHttpResult InvalidGrant(string description) => TypedResults.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

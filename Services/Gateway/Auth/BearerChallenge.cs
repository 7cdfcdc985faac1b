using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Api.Auth;

// A 401 is a problem details answer with the RFC 6750 challenge: "Bearer" alone when no token came, with
// error="invalid_token" and the reason when one did. The reason is one of the fixed sentences below and never quotes
// the token, so nothing a client put in a token lands in a response header.
static class BearerChallenge
{
    public static Task WriteProblemAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();

        var reason = context.AuthenticateFailure is { } failure ? Describe(failure) : null;
        context.Response.Headers.WWWAuthenticate = reason is null
            ? JwtBearerDefaults.AuthenticationScheme
            : $"{JwtBearerDefaults.AuthenticationScheme} error=\"invalid_token\", error_description=\"{reason}\"";

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: reason ?? "This route needs an access token from the identity service: send it as \"Authorization: Bearer <token>\".")
            .ExecuteAsync(context.HttpContext);
    }

    static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "The access token has expired.",
        SecurityTokenNotYetValidException => "The access token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The access token was issued for another audience.",
        SecurityTokenInvalidIssuerException => "The access token was issued by an issuer the gateway does not trust.",
        SecurityTokenInvalidAlgorithmException => "The access token is signed with an algorithm the gateway does not accept.",
        SecurityTokenInvalidTypeException => "The token is not an access token.",
        SecurityTokenSignatureKeyNotFoundException => "The access token is signed with a key the identity service does not publish.",
        SecurityTokenInvalidSignatureException => "The access token's signature is invalid or missing.",
        SecurityTokenNoExpirationException => "The access token has no expiry.",
        SecurityTokenMalformedException => "The access token is not a well-formed JWT.",
        _ => "The access token is invalid.",
    };
}

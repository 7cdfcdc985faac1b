using Microsoft.IdentityModel.Tokens;

namespace Gateway.Api.Auth;

// A token's lifetime by the gateway's clock (its TimeProvider, which the remembered tokens' expiry uses too), since
// JsonWebTokenHandler's own check reads the system clock. The same rules and the same exceptions, so the same answers.
static class TokenLifetime
{
    public static LifetimeValidator By(TimeProvider time) => (notBefore, expires, _, parameters) =>
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (expires is not { } expiry)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        if (notBefore is { } start && start > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = start };
        }

        if (expiry < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expiry };
        }

        return true;
    };
}

using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Api.Auth;

// JwtBearer's token handler, remembering the tokens it found valid (as Envoy's jwt_authn does with its jwt_cache):
// a client sends the same access token with every request, and parsing it and checking its RS256 signature again
// each time was a twelfth of the gateway's CPU under load. A remembered token is served until it expires (by the
// gateway's clock, as TokenLifetime checks it) and for 5 minutes at most, so a signing key Identity withdraws stops
// opening the gateway within that time. Only valid answers are kept: a bad token is checked, and refused, every time.
sealed class ValidatedTokenCache : JsonWebTokenHandler, IDisposable
{
    static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    readonly MemoryCache validated = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    readonly TimeProvider time;

    public ValidatedTokenCache(TimeProvider time)
    {
        this.time = time;
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow();
        if (validated.TryGetValue(token, out Remembered? remembered) && now < remembered!.ValidUntil)
        {
            // Each request gets its own identity, so nothing one request does to its user reaches another's.
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = remembered.Result.SecurityToken,
                ClaimsIdentity = remembered.Result.ClaimsIdentity.Clone(),
                Issuer = remembered.Result.Issuer,
                TokenType = remembered.Result.TokenType,
            };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(result.SecurityToken.ValidTo, DateTimeKind.Utc));
            var validUntil = expires < now + MaxAge ? expires : now + MaxAge;
            validated.Set(token, new Remembered(result, validUntil), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });
        }

        return result;
    }

    public void Dispose() => validated.Dispose();

    sealed record Remembered(TokenValidationResult Result, DateTimeOffset ValidUntil);
}

namespace Gateway.Api.Auth;

// What Identity's access tokens say, by the names OpenIddict gives them. Kept as issued (no mapping to
// ClaimTypes.*), so HttpContext.User has "sub" and "role", as the backends and the rate limiter read them.
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Role = "role";

    // The roles Identity grants (Identity.Api.Model.Roles).
    public const string CustomerRole = "customer";
    public const string AdminRole = "admin";

    // RFC 9068's media type for JWT access tokens, which OpenIddict writes in "typ". An identity token ("JWT") or any
    // other JWT signed by the same key is not an access token, even when its audience happens to match.
    public const string AccessTokenType = "at+jwt";
}

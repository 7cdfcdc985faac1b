using System.Globalization;
using Gateway.Api.Http;

namespace Gateway.Api.RateLimiting;

// The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers, the separate-field form): the bucket's size, the
// requests left in it, and the seconds until it is full again; Retry-After (RFC 9110) on a 429 only.
static class RateLimitHeaders
{
    public const string Limit = "RateLimit-Limit";
    public const string Remaining = "RateLimit-Remaining";
    public const string Reset = "RateLimit-Reset";

    public static readonly string[] All = [Limit, Remaining, Reset, "Retry-After"];

    public static void Write(IHeaderDictionary headers, RateLimitDecision decision)
    {
        headers[Limit] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers[Remaining] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers[Reset] = DelaySeconds.Format(decision.Reset);
        if (!decision.Allowed)
        {
            headers.RetryAfter = DelaySeconds.Format(decision.RetryAfter, atLeast: 1);
        }
    }
}

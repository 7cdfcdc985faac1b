using System.Globalization;

namespace Gateway.Api.Http;

// RFC 9110's delay-seconds (Retry-After, RateLimit-Reset): whole seconds, rounded up, so a client that waits that long
// is not early.
static class DelaySeconds
{
    public static string Format(TimeSpan delay, long atLeast = 0) =>
        Math.Max(atLeast, (long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

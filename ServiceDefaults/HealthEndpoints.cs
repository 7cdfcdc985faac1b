using Microsoft.AspNetCore.Http;

namespace CloudNative.ServiceDefaults;

// One place for the probe paths, because the endpoints, the tracing filter and fault injection must agree on them.
internal static class HealthEndpoints
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";

    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);
}

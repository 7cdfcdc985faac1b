namespace CloudNative.ServiceDefaults;

// One place for the probe paths, because the endpoints and the tracing filter must agree on them.
internal static class HealthEndpoints
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string LiveTag = "live";
}

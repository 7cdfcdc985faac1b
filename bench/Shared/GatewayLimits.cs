namespace CloudNative.Bench;

/// <summary>
/// The gateway's per-user rate limit, raised for a bench whose one user sends far more than a person would: the
/// limiter stays on (each request still takes a token from the user's shared bucket, leased from Redis a few at a
/// time as in production), it just never rejects.
/// </summary>
internal static class GatewayLimits
{
    public const string PermitsPerSecondKey = "Gateway:RouteDefaults:RateLimit:Authenticated:PermitsPerSecond";
    public const string HighEnough = "1000000";

    public static IEnumerable<KeyValuePair<string, string>> NeverRejecting =>
    [
        KeyValuePair.Create(PermitsPerSecondKey, HighEnough),
        KeyValuePair.Create("Gateway:RouteDefaults:RateLimit:Authenticated:Burst", HighEnough),
    ];

    /// <summary>Whether a gateway process got the raised limit (DCP passes the AppHost's environment on).</summary>
    public static bool Applied(ProcInfo gateway) =>
        ProcTable.Environment(gateway.Pid).GetValueOrDefault(PermitsPerSecondKey.Replace(":", "__", StringComparison.Ordinal)) == HighEnough;
}

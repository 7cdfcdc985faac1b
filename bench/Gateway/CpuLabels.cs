namespace CloudNative.Bench.Gateway;

/// <summary>The processes whose CPU the gateway bench reports, by the part each plays in serving a request.</summary>
internal static class CpuLabels
{
    public const string Wrk = "wrk (the load generator)";

    public static Func<ProcInfo, string?> For(IReadOnlyList<ProcInfo> gatewayReplicas, PeerProcess nginx, PeerProcess yarp) => p => p switch
    {
        _ when Components.ServiceOf(p) == "Catalog.Api" => "catalog",
        _ when Components.ServiceOf(p) == "Gateway.Api" => $"gateway replica {gatewayReplicas.ToList().FindIndex(g => g.Pid == p.Pid) + 1}",
        { Name: "redis-server" } => "redis (rate limits, catalog cache)",
        _ when p.Pid == nginx.Pid || p.ParentPid == nginx.Pid => "nginx",
        _ when p.Pid == yarp.Pid => "yarp (bare forwarding)",
        _ when Components.Of(p) == Components.Dcp => Components.Dcp,
        _ => Components.Of(p),
    };
}

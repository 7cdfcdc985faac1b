namespace CloudNative.Bench;

/// <summary>Which part of the system a process of a run is, by its name and command line.</summary>
internal static class Components
{
    public const string Dcp = "DCP (api server, controllers with Aspire's proxies, monitors)";

    /// <summary>
    /// The service a process runs, e.g. "Catalog.Api": started as <c>dotnet Catalog.Api.dll</c> (the AppHost's
    /// launch), or as the app host executable that Aspire's <c>dotnet run</c> starts.
    /// </summary>
    public static string? ServiceOf(ProcInfo p) => p switch
    {
        { Name: "dotnet" } when p.CommandLine.Split(' ') is [_, var assembly] && assembly.EndsWith(".Api.dll", StringComparison.Ordinal)
            => Path.GetFileNameWithoutExtension(assembly),
        _ when p.Name.EndsWith(".Api", StringComparison.Ordinal) => p.Name,
        _ => null,
    };

    public static string Of(ProcInfo p) => p switch
    {
        _ when p.Name == "dcp" || p.CommandLine.Contains("/dcp ", StringComparison.Ordinal) => Dcp,
        _ when p.CommandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal) => "dashboard",
        _ when p.CommandLine.Contains(" run --project ", StringComparison.Ordinal) => "dotnet run (one per project)",
        _ when ServiceOf(p) is { } service => service,
        _ when p.Name == "postgres" || p.CommandLine.StartsWith("postgres:", StringComparison.Ordinal) => "postgres",
        _ when p.Name == "redis-server" => "redis-server",
        _ when p.CommandLine.Contains("KafkaDevBroker", StringComparison.Ordinal) => "Kafka dev broker",
        _ when p.Name == "dotnet" && p.CommandLine.Contains("CloudNative.AppHost.dll", StringComparison.Ordinal) => "AppHost",
        _ => "other (reaper script, …)",
    };
}

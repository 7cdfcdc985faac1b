namespace CloudNative.Bench;

/// <summary>Which part of the system a process of a run is, by its name and command line.</summary>
internal static class Components
{
    public const string Dcp = "DCP (api server, controllers with Aspire's proxies, monitors)";

    public static string Of(ProcInfo p) => p switch
    {
        _ when p.Name == "dcp" || p.CommandLine.Contains("/dcp ", StringComparison.Ordinal) => Dcp,
        _ when p.CommandLine.Contains("Aspire.Dashboard", StringComparison.Ordinal) => "dashboard",
        _ when p.CommandLine.Contains(" run --project ", StringComparison.Ordinal) => "dotnet run (one per project)",
        _ when p.Name.EndsWith(".Api", StringComparison.Ordinal) => p.Name,
        _ when p.Name == "postgres" || p.CommandLine.StartsWith("postgres:", StringComparison.Ordinal) => "postgres",
        _ when p.Name == "redis-server" => "redis-server",
        _ when p.CommandLine.Contains("KafkaDevBroker", StringComparison.Ordinal) => "Kafka dev broker",
        _ when p.Name == "dotnet" && p.CommandLine.Contains("CloudNative.AppHost.dll", StringComparison.Ordinal) => "AppHost",
        _ => "other (reaper script, …)",
    };
}

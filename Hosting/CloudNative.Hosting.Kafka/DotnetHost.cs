namespace CloudNative.Hosting.Kafka;

internal static class DotnetHost
{
    /// <summary>The muxer running the AppHost, so the broker runs on the same runtime even when dotnet is not on PATH.</summary>
    public static string Path => Environment.ProcessPath is { } path && System.IO.Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}

using System.Reflection;

namespace CloudNative.Hosting;

/// <summary>Reads what the AppHost build stamped into its assembly (see build/CloudNative.Hosting.AppHost.targets).</summary>
internal static class AppHostMetadata
{
    public static string? Get(Assembly? assembly, string key) =>
        assembly?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase))?.Value;

    public static string ProjectDirectory(Assembly? assembly) =>
        Get(assembly, "apphostprojectpath") is { Length: > 0 } path ? path : Directory.GetCurrentDirectory();

    public static string ProjectName(Assembly? assembly) =>
        Get(assembly, "apphostprojectname") ?? assembly?.GetName().Name ?? "AppHost";

    public static string? UserSecretsId(Assembly? assembly) => Get(assembly, "apphostusersecretsid");

    public static string Configuration(Assembly? assembly) => Get(assembly, "apphostconfiguration") ?? "Debug";
}

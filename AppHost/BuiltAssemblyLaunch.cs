using System.Reflection;

namespace CloudNative.AppHost;

/// <summary>
/// Starts a service as <c>dotnet Service.dll</c> instead of Aspire's <c>dotnet run --no-build</c>. The SDK's run
/// command evaluates the project with MSBuild before it starts the app: about 2 s of CPU for every process, ten of
/// them at once when the app starts, on a machine with 2 cores. The assembly is the one the AppHost's build produced
/// (its path is embedded at build time), with the project's directory as the working directory, as dotnet run has.
/// </summary>
static class BuiltAssemblyLaunch
{
    /// <summary>Set to true to start services with Aspire's own <c>dotnet run</c> again.</summary>
    public const string DotnetRunSetting = "AppHost:LaunchServicesWithDotnetRun";

    const string MetadataPrefix = "ServiceAssembly:";

    static readonly Dictionary<string, string> s_assemblies = typeof(BuiltAssemblyLaunch).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(attribute => attribute.Key.StartsWith(MetadataPrefix, StringComparison.Ordinal) && attribute.Value is not null)
        .ToDictionary(attribute => Path.GetFullPath(attribute.Key[MetadataPrefix.Length..]), attribute => attribute.Value!);

    public static IResourceBuilder<ProjectResource> WithBuiltAssemblyLaunch(this IResourceBuilder<ProjectResource> project)
    {
        var builder = project.ApplicationBuilder;
        // dotnet watch (hot reload) needs the SDK's command; a missing assembly leaves the build to Aspire's.
        if (!builder.ExecutionContext.IsRunMode
            || builder.Configuration.GetValue<bool>(DotnetRunSetting)
            || builder.Configuration.GetValue<bool>("DOTNET_WATCH"))
        {
            return project;
        }

        var projectPath = Path.GetFullPath(project.Resource.GetProjectMetadata().ProjectPath);
        if (!s_assemblies.TryGetValue(projectPath, out var assembly) || !File.Exists(assembly))
        {
            return project;
        }

        return project
            .WithAnnotation(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = Path.GetDirectoryName(projectPath)! })
            .WithArgs(assembly);
    }
}

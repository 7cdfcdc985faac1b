namespace CloudNative.AppHost.Tests;

/// <summary>Where things are: the repository root, the checked-in manifest, the AppHost build, and shared/reference beside the checkout.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ManifestPath => Path.Combine(Root, "aspire-manifest.json");

    public static string ReferenceDirectory { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));

    public static string SchemaPath => Path.Combine(ReferenceDirectory, "aspire-manifest.schema.json");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The AppHost as built next to this test project (same configuration).</summary>
    public static string AppHostDll
    {
        get
        {
            var configuration = typeof(Repository).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
                .OfType<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
            return Path.Combine(Root, "AppHost", "bin", configuration, "net10.0", "CloudNative.AppHost.dll");
        }
    }

    /// <summary>
    /// A scratch path beside the checked-in manifest: project paths are written relative to the manifest, so a
    /// regenerated manifest only compares byte for byte when it is written in the same directory.
    /// </summary>
    public static string ScratchManifestPath() => Path.Combine(Root, $".aspire-manifest.{Guid.NewGuid():N}.tmp.json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")) && File.Exists(Path.Combine(directory.FullName, "global.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (Directory.Packages.props and global.json) above '{AppContext.BaseDirectory}'.");
    }
}

/// <summary>A fact that needs shared/reference: skipped, saying why, when it is missing outside CI; a failure on CI.</summary>
public sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute()
    {
        if (!File.Exists(Repository.SchemaPath) && !Repository.IsCi)
        {
            Skip = $"'{Repository.SchemaPath}' is missing (shared/ is not beside the repository here); with CI=true this test fails instead.";
        }
    }
}

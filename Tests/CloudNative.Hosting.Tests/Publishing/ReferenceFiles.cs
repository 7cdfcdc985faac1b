namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>
/// The shared reference data (<c>../shared/reference</c> from the repository root): Aspire's schema and the manifests
/// Aspire generated for its playground apps. CI has it beside the checkout; elsewhere tests that need it are skipped.
/// </summary>
internal static class ReferenceFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference"));

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>Reads a reference file, failing with the reason when it is missing (only reached on CI or when present).</summary>
    public static string Read(string relativePath)
    {
        var path = PathOf(relativePath);
        if (!File.Exists(path))
        {
            throw new Xunit.Sdk.XunitException($"The reference file '{path}' is missing. CI checks out shared/ beside the repository; copy it there to run this test.");
        }

        return File.ReadAllText(path);
    }

    private static string FindRepositoryRoot()
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

/// <summary>A fact that needs a reference file: skipped, saying why, when the file is missing outside CI; it fails on CI.</summary>
public sealed class ReferenceFactAttribute : FactAttribute
{
    public ReferenceFactAttribute(string relativePath)
    {
        if (!File.Exists(ReferenceFiles.PathOf(relativePath)) && !ReferenceFiles.IsCi)
        {
            Skip = $"The reference file '{ReferenceFiles.PathOf(relativePath)}' is missing (shared/ is not beside the repository here); CI=true makes this a failure.";
        }
    }
}

namespace CloudNative.Hosting.Tests.TestSupport;

/// <summary>
/// Project files and built assemblies that exist but are never run: enough for AddProject's path check and for
/// ProjectLauncher, which only checks that the built dll is there before describing the process.
/// </summary>
internal static class FakeProjects
{
    public const string BuildConfiguration = "Debug";

    private static readonly Lock s_gate = new();

    private static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "fake-projects");

    /// <summary>Returns the path of <c>{name}/{name}.csproj</c>; its dll sits where <see cref="CloudNative.Hosting.Orchestration.ProjectOutput"/> looks.</summary>
    public static string Create(string name)
    {
        var directory = Path.Combine(Root, name);
        var project = Path.Combine(directory, $"{name}.csproj");
        lock (s_gate)
        {
            if (!File.Exists(project))
            {
                Directory.CreateDirectory(Path.Combine(directory, "bin", BuildConfiguration, "net10.0"));
                File.WriteAllText(AssemblyPath(name), string.Empty);
                File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            }
        }

        return project;
    }

    /// <summary>Creates an empty file once, however many tests ask for it at the same time.</summary>
    public static string EnsureFile(string path)
    {
        lock (s_gate)
        {
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, string.Empty);
            }
        }

        return path;
    }

    public static string AssemblyPath(string name) =>
        Path.Combine(Root, name, "bin", BuildConfiguration, "net10.0", $"{name}.dll");
}

/// <summary>Generated-style metadata (as <c>Projects.*</c>) whose TargetPath points at a real, separate file.</summary>
internal sealed class InventoryProject : IProjectMetadata
{
    public string ProjectPath { get; } = FakeProjects.Create("inventory");

    public string? TargetPath { get; } =
        FakeProjects.EnsureFile(Path.Combine(AppContext.BaseDirectory, "fake-projects", "inventory", "artifacts", "Inventory.Api.dll"));
}

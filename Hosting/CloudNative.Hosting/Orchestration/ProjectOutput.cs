namespace CloudNative.Hosting.Orchestration;

internal static class ProjectOutput
{
    /// <summary>The generated metadata carries the real target path; the convention is the fallback for hand-made metadata.</summary>
    public static string AssemblyPath(IProjectMetadata metadata, string buildConfiguration) =>
        metadata.TargetPath ?? Path.Combine(
            Path.GetDirectoryName(metadata.ProjectPath)!, "bin", buildConfiguration, "net10.0",
            Path.GetFileNameWithoutExtension(metadata.ProjectPath) + ".dll");
}

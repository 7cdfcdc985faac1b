namespace CloudNative.Hosting.LocalProcesses;

/// <summary>The dashboard's property names for an executable, so a local process shows as DCP's executables do.</summary>
internal static class ProcessProperties
{
    public const string Path = "executable.path";
    public const string Arguments = "executable.args";
    public const string WorkingDirectory = "executable.workDir";
    public const string Pid = "executable.pid";

    public static readonly HashSet<string> Names = [Path, Arguments, WorkingDirectory, Pid, Aspire.Hosting.ApplicationModel.CustomResourceKnownProperties.Source];
}

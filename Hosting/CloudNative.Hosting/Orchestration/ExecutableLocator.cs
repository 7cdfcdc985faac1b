namespace CloudNative.Hosting.Orchestration;

internal static class ExecutableLocator
{
    /// <summary>Searches PATH, then the usual PostgreSQL location on Debian, which is not on PATH by default.</summary>
    public static string? Find(string name)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(PostgresBinDirectories());
        return candidates.Select(dir => Path.Combine(dir, name)).FirstOrDefault(IsExecutable);
    }

    private static IEnumerable<string> PostgresBinDirectories() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
            : [];

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}

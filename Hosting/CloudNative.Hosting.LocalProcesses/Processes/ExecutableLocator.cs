namespace CloudNative.Hosting.LocalProcesses.Processes;

internal static class ExecutableLocator
{
    /// <summary>
    /// Searches <paramref name="searchDirectories"/> when given (tests), else PATH, then the usual PostgreSQL
    /// location on Debian, which is not on PATH by default.
    /// </summary>
    public static string? Find(string name, IEnumerable<string>? searchDirectories = null)
    {
        var candidates = searchDirectories ?? DefaultSearchDirectories();
        return candidates.Select(dir => Path.Combine(dir, name)).FirstOrDefault(IsExecutable);
    }

    private static IEnumerable<string> DefaultSearchDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(PostgresBinDirectories());

    private static IEnumerable<string> PostgresBinDirectories() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin"))
            : [];

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}

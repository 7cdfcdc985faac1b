namespace CloudNative.IntegrationTests;

/// <summary>Reads /proc to find live processes by process group: each replica leads a group of its own.</summary>
internal static class ProcessGroups
{
    public static IReadOnlyList<int> MembersOf(IReadOnlySet<int> groups) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => (Pid: int.Parse(name!), Group: ReadProcessGroup(name!)))
            .Where(p => p.Group is { } group && groups.Contains(group))
            .Select(p => p.Pid)];

    /// <summary>Field 5 of /proc/[pid]/stat; the command name before it is in parentheses and may contain spaces.</summary>
    private static int? ReadProcessGroup(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] == "Z" ? null : int.Parse(fields[2]);
        }
        catch (IOException)
        {
            return null;
        }
    }
}

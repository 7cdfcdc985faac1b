namespace CloudNative.IntegrationTests;

/// <summary>Reads /proc: which processes this test process started, directly or not, and which are still alive.</summary>
internal static class ProcessTree
{
    /// <summary>
    /// This process's descendants, plus DCP's: DCP detaches from its parent, but it names the process it serves
    /// with <c>--monitor &lt;pid&gt;</c>, and its children stay its descendants.
    /// </summary>
    public static IReadOnlyCollection<int> DescendantsIncludingDcp()
    {
        var self = Environment.ProcessId;
        var processes = Snapshot();
        var roots = processes.Where(p => p.CommandLine.Contains($"--monitor {self} ", StringComparison.Ordinal)).Select(p => p.Pid).Append(self);
        var found = WithDescendants(processes, roots);
        found.Remove(self);
        return found;
    }

    /// <summary>The process and every process it started, directly or not.</summary>
    public static IReadOnlyCollection<int> WithDescendants(int pid) => WithDescendants(Snapshot(), [pid]);

    private static HashSet<int> WithDescendants(List<ProcessEntry> processes, IEnumerable<int> roots)
    {
        var found = new HashSet<int>(roots);
        bool added;
        do
        {
            added = false;
            foreach (var process in processes.Where(p => found.Contains(p.ParentPid) && found.Add(p.Pid)))
            {
                added = true;
            }
        }
        while (added);
        return found;
    }

    public static IReadOnlyList<string> Alive(IEnumerable<int> pids) =>
        [.. Snapshot().Where(p => pids.Contains(p.Pid) && p.State != 'Z').Select(p => $"{p.Pid} {p.CommandLine}")];

    private static List<ProcessEntry> Snapshot()
    {
        var entries = new List<ProcessEntry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // The command name may hold spaces and parentheses: the fields after it start at the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                entries.Add(new ProcessEntry(pid, int.Parse(fields[1]), fields[0][0], commandLine));
            }
            catch (IOException)
            {
                // It exited while being read.
            }
        }

        return entries;
    }

    private sealed record ProcessEntry(int Pid, int ParentPid, char State, string CommandLine);
}

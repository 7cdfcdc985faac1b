using System.Globalization;
using System.Runtime.InteropServices;

namespace CloudNative.Bench;

/// <summary>One process as /proc shows it. Pid and start time together name it: a pid alone may be reused.</summary>
internal sealed record ProcInfo(int Pid, int ParentPid, char State, long StartTicks, double CpuSeconds, double ReapedChildrenCpuSeconds, string Name, string CommandLine)
{
    public bool IsZombie => State is 'Z' or 'X';

    public string Describe() => $"{Pid} {(CommandLine.Length > 0 ? CommandLine : $"[{Name}]")}";
}

/// <summary>Reads /proc: the processes a run started, when each started, and the CPU each used.</summary>
internal static partial class ProcTable
{
    private const int SC_CLK_TCK = 2;

    public static readonly double TicksPerSecond = Sysconf(SC_CLK_TCK) is > 0 and var ticks ? ticks : 100;

    public static IReadOnlyList<ProcInfo> ReadAll()
    {
        var all = new List<ProcInfo>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } info)
            {
                all.Add(info);
            }
        }

        return all;
    }

    public static ProcInfo? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The name is in parentheses and may itself contain spaces or parentheses: split after the last ')'.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            // fields[0] is field 3 of proc(5): state, ppid, ... utime (14), stime (15), cutime (16), cstime (17), starttime (22).
            double Field(int number) => double.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            var cmdline = ReadCommandLine(pid);
            return new ProcInfo(
                pid,
                (int)Field(4),
                fields[0][0],
                (long)Field(22),
                (Field(14) + Field(15)) / TicksPerSecond,
                (Field(16) + Field(17)) / TicksPerSecond,
                stat[(open + 1)..close],
                cmdline);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Still the same process (pid not reused) and not a zombie waiting for its parent.</summary>
    public static bool IsAlive(ProcInfo process) =>
        Read(process.Pid) is { } now && now.StartTicks == process.StartTicks && !now.IsZombie;

    public static string? WorkingDirectory(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").ResolveLinkTarget(returnFinalTarget: false)?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The process's environment at its start (e.g. the ASPNETCORE_URLS and service addresses DCP gave it).</summary>
    public static IReadOnlyDictionary<string, string> Environment(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => v.Split('=', 2))
                .Where(v => v.Length == 2)
                .GroupBy(v => v[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>Seconds since boot, as /proc/uptime has it (10 ms resolution).</summary>
    public static double Uptime() =>
        double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>
    /// The processes started by a run: the root's descendants, plus DCP's API server, which detaches (its parent
    /// becomes init) and watches the root with <c>--monitor &lt;pid&gt;</c>, and that server's descendants.
    /// </summary>
    public static IReadOnlyList<ProcInfo> TreeOf(int rootPid)
    {
        var all = ReadAll();
        var children = all.ToLookup(p => p.ParentPid);
        var monitor = $"--monitor {rootPid.ToString(CultureInfo.InvariantCulture)}";
        var roots = all.Where(p => p.Pid == rootPid || (p.CommandLine.Contains(monitor, StringComparison.Ordinal) && p.CommandLine.Contains("start-apiserver", StringComparison.Ordinal)));
        var tree = new Dictionary<int, ProcInfo>();
        var pending = new Queue<ProcInfo>(roots);
        while (pending.TryDequeue(out var process))
        {
            if (tree.TryAdd(process.Pid, process))
            {
                foreach (var child in children[process.Pid])
                {
                    pending.Enqueue(child);
                }
            }
        }

        return [.. tree.Values.Where(p => !p.IsZombie)];
    }

    /// <summary>Machine-wide CPU ticks (busy, total) since boot, from /proc/stat.</summary>
    public static (double Busy, double Total) MachineCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        var total = fields.Take(8).Sum();
        return ((total - idle) / TicksPerSecond, total / TicksPerSecond);
    }

    private static string ReadCommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").TrimEnd('\0').Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long Sysconf(int name);
}

using CloudNative.Hosting.LocalProcesses.Processes;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>One process to start for a backing service.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Environment, string WorkingDirectory)
{
    /// <summary>Drop privileges to this user (PostgreSQL refuses to run as root).</summary>
    public string? RunAsUser { get; init; }

    /// <summary>Written to standard input, then closed (keeps secrets off the command line).</summary>
    public string? StandardInput { get; init; }

    /// <summary>The signal for a graceful stop; PostgreSQL's fast shutdown is SIGINT.</summary>
    public int StopSignal { get; init; } = PosixSignals.SIGTERM;
}

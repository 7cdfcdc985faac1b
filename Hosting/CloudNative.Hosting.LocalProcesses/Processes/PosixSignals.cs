using System.Runtime.InteropServices;

namespace CloudNative.Hosting.LocalProcesses.Processes;

internal static partial class PosixSignals
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    /// <summary>Signals a whole process group: children run in their own session, so the group is the child and its descendants.</summary>
    public static bool SignalGroup(int processGroupId, int signal) => Kill(-processGroupId, signal) == 0;

    /// <summary>
    /// Signals a child's group, or the child alone while it has not made its group yet: a stop that comes right
    /// after the start would otherwise reach nobody and wait out the whole grace period.
    /// </summary>
    public static bool SignalChild(int pid, int signal) => SignalGroup(pid, signal) || Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

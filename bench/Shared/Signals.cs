using System.Globalization;
using System.Runtime.InteropServices;

namespace CloudNative.Bench;

internal static partial class Signals
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>
    /// A shell starts a background job with SIGINT ignored, children inherit that, and .NET then leaves SIGINT
    /// ignored: the AppHost would never see our Ctrl+C. Run from a terminal this changes nothing.
    /// </summary>
    public static bool RestoreDefaultInterruptIfIgnored()
    {
        var ignored = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (ignored is null || (ulong.Parse(ignored["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (SIGINT - 1))) == 0)
        {
            return false;
        }

        Signal(SIGINT, 0); // SIG_DFL
        return true;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}

using System.Runtime.InteropServices;

namespace CloudNative.KafkaDevBroker.Tests;

// Process.Kill sends SIGKILL; the AppHost stops resources with SIGTERM, which needs kill(2).
internal static partial class Posix
{
    private const int SigTerm = 15;

    public static void Terminate(int pid)
    {
        if (Kill(pid, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

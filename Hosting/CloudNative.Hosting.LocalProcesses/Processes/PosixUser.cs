using Aspire.Hosting;
using System.Runtime.InteropServices;

namespace CloudNative.Hosting.LocalProcesses.Processes;

internal static partial class PosixUser
{
    public static bool IsRoot => !OperatingSystem.IsWindows() && GetEffectiveUserId() == 0;

    /// <summary>Gives a directory tree to a user, for services that drop root (PostgreSQL).</summary>
    public static async Task ChownAsync(string path, string user, CancellationToken cancellationToken)
    {
        using var process = System.Diagnostics.Process.Start("chown", ["-R", $"{user}:{user}", path]);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new DistributedApplicationException($"Could not give '{path}' to user '{user}' (chown exited with {process.ExitCode}). Check that the user exists.");
        }
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}

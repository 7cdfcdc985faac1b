using Aspire.Hosting;
using System.Diagnostics;

namespace CloudNative.Hosting.LocalProcesses.Processes;

/// <summary>
/// Guarantees that no child outlives the AppHost, even when the AppHost is killed: a small bash script in its
/// own session reads process-group ids from a pipe, and when the pipe closes (the AppHost exited, however)
/// it terminates every group it was told about.
/// </summary>
internal sealed class ProcessTreeReaper : IDisposable
{
    // Its output goes nowhere: it must not hold the AppHost's stdout open after the AppHost has exited.
    // After a clean shutdown every group is gone already, so it exits without waiting.
    private const string Script = """
        exec >/dev/null 2>&1
        trap '' INT TERM HUP
        groups=()
        while read -r group; do groups+=("$group"); done
        alive=()
        for group in "${groups[@]}"; do kill -TERM -- "-$group" && alive+=("$group"); done
        [ ${#alive[@]} -eq 0 ] && exit 0
        sleep 2
        for group in "${alive[@]}"; do kill -KILL -- "-$group"; done
        """;

    private readonly Lock _gate = new();
    private Process? _reaper;
    private bool _disposed;

    public void Track(int processGroupId)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                // The AppHost has stopped and so has its reaper: a process started now would have no one to end it.
                PosixSignals.SignalGroup(processGroupId, PosixSignals.SIGKILL);
                return;
            }

            _reaper ??= StartReaper();
            _reaper.StandardInput.WriteLine(processGroupId);
            _reaper.StandardInput.Flush();
        }
    }

    /// <summary>Closing the pipe is the signal: the reaper then sweeps whatever is left.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _reaper?.StandardInput.Close();
            _reaper?.Dispose();
            _reaper = null;
        }
    }

    private static Process StartReaper()
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // bash, not sh: dash's kill builtin cannot signal a process group ("kill -TERM -- -PGID").
        startInfo.ArgumentList.Add("bash");
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(Script);
        return Process.Start(startInfo) ?? throw new DistributedApplicationException("Could not start the process reaper (setsid bash). Install util-linux and bash.");
    }
}

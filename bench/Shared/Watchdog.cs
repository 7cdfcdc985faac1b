using System.Globalization;

namespace CloudNative.Bench;

internal static class Watchdog
{
    /// <summary>
    /// Should the bench itself be killed (SIGKILL leaves it no say), its AppHost must not run on: a small script in its
    /// own session waits for the bench's end of a pipe to close, then gives the AppHost Ctrl+C, if it is still the
    /// same process (pid and start time: a pid may be reused). After a run, closing the pipe ends it at once.
    /// </summary>
    public static Process? Guard(int pid)
    {
        if (ProcTable.Read(pid) is not { } appHost)
        {
            return null;
        }

        var id = pid.ToString(CultureInfo.InvariantCulture);
        var script = $"""
            exec >/dev/null 2>&1
            read -r _
            [ "$(sed 's/.*) //' /proc/{id}/stat | cut -d' ' -f20)" = "{appHost.StartTicks.ToString(CultureInfo.InvariantCulture)}" ] && kill -INT {id}
            exit 0
            """;
        return Process.Start(new ProcessStartInfo("setsid") { ArgumentList = { "bash", "-c", script }, RedirectStandardInput = true, UseShellExecute = false });
    }
}

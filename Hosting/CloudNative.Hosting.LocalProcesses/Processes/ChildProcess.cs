using Aspire.Hosting;
using System.Diagnostics;

namespace CloudNative.Hosting.LocalProcesses.Processes;

/// <summary>
/// A started replica process in a session of its own, so that stopping it reaches its children too
/// and Ctrl+C in the terminal reaches only the AppHost, which then stops everything in order.
/// </summary>
internal sealed class ChildProcess
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _stopSignal;

    private ChildProcess(Process process, int stopSignal)
    {
        _process = process;
        _stopSignal = stopSignal;
        process.Exited += (_, _) => _exited.TrySetResult(ReadExitCode(process));
    }

    public int Pid => _process.Id;

    /// <summary>Completes with the exit code once the process has exited and its output is drained.</summary>
    public Task<int> Exited => _exited.Task;

    public static ChildProcess Start(ProcessSpec spec, ProcessTreeReaper reaper, Action<string, bool> onOutput)
    {
        var startInfo = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = spec.StandardInput is not null,
            UseShellExecute = false,
        };

        if (spec.RunAsUser is { } user)
        {
            foreach (var arg in (string[])["setpriv", $"--reuid={user}", $"--regid={user}", "--clear-groups", "--"])
            {
                startInfo.ArgumentList.Add(arg);
            }
        }

        startInfo.ArgumentList.Add(spec.FileName);
        foreach (var arg in spec.Args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { onOutput(e.Data, false); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { onOutput(e.Data, true); } };
        var child = new ChildProcess(process, spec.StopSignal);
        process.Start();
        reaper.Track(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (spec.StandardInput is { } input)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        return child;
    }

    /// <summary>Runs a one-shot command (initdb, say) to completion; a non-zero exit throws with its output.</summary>
    public static async Task RunToCompletionAsync(ProcessSpec spec, ProcessTreeReaper reaper, Action<string, bool> onOutput, string resourceName, CancellationToken cancellationToken)
    {
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var child = Start(spec, reaper, (line, isError) =>
        {
            output.Enqueue(line);
            onOutput(line, isError);
        });
        using var registration = cancellationToken.Register(child.Kill);
        var exitCode = await child.Exited.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (exitCode != 0)
        {
            throw new DistributedApplicationException(
                $"Resource '{resourceName}': '{spec.FileName} {string.Join(' ', spec.Args)}' exited with code {exitCode}: {string.Join(Environment.NewLine, output.TakeLast(10))}");
        }
    }

    /// <summary>Asks the process group to stop, and kills it if it has not within <paramref name="grace"/>; true when it had to kill.</summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        if (_exited.Task.IsCompleted)
        {
            return false;
        }

        PosixSignals.SignalChild(_process.Id, _stopSignal);
        var killed = await Task.WhenAny(_exited.Task, Task.Delay(grace)).ConfigureAwait(false) != _exited.Task;
        if (killed)
        {
            PosixSignals.SignalChild(_process.Id, PosixSignals.SIGKILL);
            await _exited.Task.ConfigureAwait(false);
        }

        // The leader may exit before its children: sweep the group once more (the group only: the pid may be reused).
        PosixSignals.SignalGroup(_process.Id, PosixSignals.SIGKILL);
        return killed;
    }

    /// <summary>For tests and fault injection: kill the replica as a crash would.</summary>
    public void Kill()
    {
        // Once it has exited its pid may belong to someone else.
        if (!_exited.Task.IsCompleted)
        {
            PosixSignals.SignalChild(_process.Id, PosixSignals.SIGKILL);
        }
    }

    private static int ReadExitCode(Process process)
    {
        // Exited fires before redirected output is fully read; waiting here drains it.
        process.WaitForExit();
        return process.ExitCode;
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.IntegrationTests;

/// <summary>
/// Runs the built AppHost as a separate process, as a user would, and ends it the three ways it can end: Ctrl+C,
/// SIGTERM, or a crash (SIGKILL, when it cannot clean up itself). Every process it started must be gone after.
/// Its children inherit a marker variable, which is how the test finds them.
/// </summary>
public sealed partial class AppHostProcessTests
{
    private const string StartedLine = "Distributed application started.";
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(2, "SIGINT (Ctrl+C)")]
    [InlineData(15, "SIGTERM")]
    [InlineData(9, "SIGKILL (the AppHost crashed)")]
    public async Task NoProcessOutlivesTheAppHost(int signal, string description)
    {
        var marker = Guid.NewGuid().ToString("N");
        using var appHost = StartAppHost(marker, out var started);
        await Task.WhenAny(started, appHost.WaitForExitAsync()).WaitAsync(s_timeout);
        Assert.True(started.IsCompletedSuccessfully, $"The AppHost exited with {(appHost.HasExited ? appHost.ExitCode : -1)} before it started.");
        Assert.True(MarkedProcesses(marker).Count >= 5, "Expected the AppHost to have started its resources.");

        Assert.Equal(0, Kill(appHost.Id, signal));
        await appHost.WaitForExitAsync().WaitAsync(s_timeout);
        if (signal != 9)
        {
            Assert.Equal(0, appHost.ExitCode);
        }

        // After a crash the reaper sweeps asynchronously. Nothing announces "all gone", so poll that state
        // (a /proc scan every 100 ms) until a deadline.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (MarkedProcesses(marker).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(MarkedProcesses(marker).Count == 0, $"After {description}, still running: {string.Join(", ", MarkedProcesses(marker))}");
    }

    private static Process StartAppHost(string marker, out Task started)
    {
        var startInfo = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CloudNative.AppHost.dll"), "--ephemeral", $"--Gateway:Port={PortAllocator.Allocate()}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["CLOUDNATIVE_TEST_MARKER"] = marker;
        var process = new Process { StartInfo = startInfo };
        var startedSource = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains(StartedLine, StringComparison.Ordinal) == true) { startedSource.TrySetResult(); } };
        process.ErrorDataReceived += (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        started = startedSource.Task;
        return process;
    }

    /// <summary>Processes whose environment carries the marker, other than the AppHost's own process.</summary>
    private static List<int> MarkedProcesses(string marker)
    {
        var needle = $"CLOUDNATIVE_TEST_MARKER={marker}";
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "environ")).Split('\0').Contains(needle) && !IsZombie(pid))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    private static bool IsZombie(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}

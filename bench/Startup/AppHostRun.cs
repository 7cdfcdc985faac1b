using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CloudNative.Bench.Startup;

/// <summary>
/// Runs the built AppHost as a user would (its data directory kept between runs, as with ./build.sh run) and
/// times the line it prints once every resource is healthy, then Ctrl+C until it has exited.
/// </summary>
internal static partial class AppHostRun
{
    private const string StartedLine = "Distributed application started.";
    private const int SIGINT = 2;

    public static async Task<Measurements> MeasureAsync(int runs)
    {
        var appHost = Path.Combine(AppContext.BaseDirectory, "CloudNative.AppHost.dll");
        var results = new Measurements([], []);
        for (var run = 0; run < runs; run++)
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var process = new Process { StartInfo = new ProcessStartInfo("dotnet", [appHost]) { RedirectStandardOutput = true, RedirectStandardError = true } };
            process.OutputDataReceived += (_, e) => { if (e.Data?.Contains(StartedLine, StringComparison.Ordinal) == true) { started.TrySetResult(); } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
            var clock = Stopwatch.StartNew();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await Task.WhenAny(started.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromMinutes(3));
            if (!started.Task.IsCompleted)
            {
                throw new InvalidOperationException($"The AppHost exited with code {process.ExitCode} before all resources were healthy.");
            }

            results.Healthy.Add(clock.Elapsed);
            clock.Restart();
            _ = Kill(process.Id, SIGINT);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            results.Shutdown.Add(clock.Elapsed);
            Console.WriteLine($"AppHost run {run + 1}: healthy after {results.Healthy[^1].TotalSeconds:0.00} s, stopped in {results.Shutdown[^1].TotalSeconds:0.00} s");
        }

        return results;
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}

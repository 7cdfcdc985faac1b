using System.Diagnostics;

namespace CloudNative.AppHost.Tests;

/// <summary>Runs the built AppHost as azd does (<c>dotnet CloudNative.AppHost.dll --publisher manifest --output-path …</c>).</summary>
internal static class AppHostProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(params string[] args) =>
        RunAsync(new Dictionary<string, string>(), args);

    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.AppHostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The AppHost did not exit within {s_timeout.TotalSeconds} s in publish mode; it must write the manifest and exit without starting anything.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}

using System.Globalization;

namespace CloudNative.Bench.Gateway;

/// <summary>wrk (Debian's package), one run at a time, every request carrying the same bearer token.</summary>
internal static class Wrk
{
    public static async Task<WrkResult> RunAsync(Uri url, string token, int threads, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("wrk")
        {
            ArgumentList =
            {
                "-t", threads.ToString(CultureInfo.InvariantCulture),
                "-c", connections.ToString(CultureInfo.InvariantCulture),
                "-d", $"{(int)duration.TotalSeconds}s",
                "--latency",
                "-H", $"Authorization: Bearer {token}",
                url.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var wrk = Process.Start(startInfo) ?? throw new InvalidOperationException("wrk did not start.");
        var output = wrk.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = wrk.StandardError.ReadToEndAsync(cancellationToken);
        await wrk.WaitForExitAsync(cancellationToken);
        return wrk.ExitCode == 0
            ? WrkResult.Parse(await output)
            : throw new InvalidOperationException($"wrk exited with {wrk.ExitCode}: {await error}{await output}");
    }
}

namespace CloudNative.Bench.Startup;

/// <summary>
/// Measures a cut through configuration alone: a postgres data directory that was initialised, migrated and
/// seeded once (by a first, uncounted run with LocalProcesses:Ephemeral=false) is copied to a fresh
/// LocalProcesses:VolumeRoot before each run, so the run skips initdb and finds the schema and data in place.
/// </summary>
internal static class PostgresTemplate
{
    public delegate Task<(List<RunResult> A, List<RunResult> B)> Alternation(string labelA, Func<int, Task<RunResult>> a, string labelB, Func<int, Task<RunResult>> b);

    public static async Task<(List<RunResult> Baseline, List<RunResult> Cut)> MeasureAsync(
        Alternation alternate,
        string kind,
        Func<IReadOnlyDictionary<string, string>, Task<RunResult>> run,
        Func<string, int, Func<Task<RunResult>>, Task<RunResult>> once)
    {
        // Not a home directory (the postgres user must reach it), and short: postgres puts its Unix socket in the data
        // directory's parent, and a socket path may not exceed 107 bytes.
        var root = Path.Combine("/var/tmp", $"cnb-{Guid.NewGuid().ToString("N")[..8]}");
        var template = Path.Combine(root, "template");
        try
        {
            Directory.CreateDirectory(template);
            var preparation = await once("template preparation (not counted)", 1, () => run(Persistent(template)));
            if (preparation.Failure is not null)
            {
                throw new InvalidOperationException("The run that prepares the template failed.");
            }

            return await alternate(
                kind, _ => run(new Dictionary<string, string>()),
                $"{kind}, template copy", async round =>
                {
                    var volumeRoot = Path.Combine(root, $"run{round}");
                    var copy = Stopwatch.StartNew();
                    await CopyAsync(template, volumeRoot);
                    var copySeconds = copy.Elapsed.TotalSeconds;
                    try
                    {
                        var result = await run(Persistent(volumeRoot));
                        result.Set("template.copy", copySeconds);
                        return result;
                    }
                    finally
                    {
                        Directory.Delete(volumeRoot, recursive: true);
                    }
                });
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static Dictionary<string, string> Persistent(string volumeRoot) => new(StringComparer.Ordinal)
    {
        ["LocalProcesses:Ephemeral"] = "false",
        ["LocalProcesses:VolumeRoot"] = volumeRoot,
    };

    /// <summary><c>cp -a</c> keeps the owner (postgres) and modes that postgres insists on.</summary>
    private static async Task CopyAsync(string from, string to)
    {
        using var cp = Process.Start(new ProcessStartInfo("cp") { ArgumentList = { "-a", from, to }, UseShellExecute = false })
            ?? throw new InvalidOperationException("cp did not start.");
        await cp.WaitForExitAsync();
        if (cp.ExitCode != 0)
        {
            throw new InvalidOperationException($"cp -a {from} {to} exited with code {cp.ExitCode}.");
        }
    }
}

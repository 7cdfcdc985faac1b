namespace CloudNative.Bench.Startup;

/// <summary>
/// What LocalProcesses' cache (LocalProcesses:CacheRoot, an initdb'd Postgres cluster to copy) saves: runs with an
/// empty cache of their own, which initdb as before the cache existed, alternate with runs on a cache that is warm.
/// </summary>
internal static class ColdCache
{
    public delegate Task<(List<RunResult> A, List<RunResult> B)> Alternation(string labelA, Func<int, Task<RunResult>> a, string labelB, Func<int, Task<RunResult>> b);

    public static async Task<(List<RunResult> Cold, List<RunResult> Warm)> MeasureAsync(
        Alternation alternate, string kind, Func<IReadOnlyDictionary<string, string>, Task<RunResult>> run)
    {
        // Not a home directory: the postgres user must reach it when the bench runs as root.
        var root = Path.Combine("/var/tmp", $"cnb-{Guid.NewGuid().ToString("N")[..8]}");
        var warm = new Dictionary<string, string> { ["LocalProcesses:CacheRoot"] = Path.Combine(root, "warm") };
        try
        {
            // Warm it once, uncounted, so the first counted warm run does not pay for it.
            await run(warm);
            return await alternate(
                $"{kind}, empty cache", round => run(new Dictionary<string, string> { ["LocalProcesses:CacheRoot"] = Path.Combine(root, $"cold{round}") }),
                $"{kind}, warm cache", _ => run(warm));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}

namespace CloudNative.Bench;

/// <summary>
/// How a bench that puts load on the system starts: Ctrl+C stops it cleanly (the processes it started must not
/// outlive it), and the built AppHost comes up with a known demo-customer password and a gateway limit that never
/// rejects, checked on the gateway's processes, so no figure includes a 429.
/// </summary>
internal static class LoadBench
{
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return cancel;
    }

    /// <summary>The AppHost with the bench's demo password and rate limits, plus any <paramref name="settings"/> of its own.</summary>
    public static async Task<LaunchedAppHost> StartAppHostAsync(string bench, string demoPassword, IReadOnlyList<string> resources, CancellationToken cancellationToken,
        IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        Console.WriteLine($"{bench} benchmark: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start, AppHost {Path.GetRelativePath(BuiltAppHost.DefaultRepositoryRoot, BuiltAppHost.DefaultDll)}");
        var configuration = new Dictionary<string, string>(GatewayLimits.NeverRejecting.Concat(settings ?? [])) { [DemoCustomer.PasswordParameter] = demoPassword };
        var app = await LaunchedAppHost.StartAsync(configuration, resources, TimeSpan.FromMinutes(4), cancellationToken);
        if (!app.Service("gateway").All(GatewayLimits.Applied))
        {
            await app.DisposeAsync();
            throw new InvalidOperationException("The gateway did not get the bench's rate limit: its figures would include 429s.");
        }
        return app;
    }
}

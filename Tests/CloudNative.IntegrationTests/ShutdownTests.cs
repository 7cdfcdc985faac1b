namespace CloudNative.IntegrationTests;

/// <summary>Its own app, since it disposes it: afterwards no process it started may be left, DCP's included.</summary>
[Collection(ShutdownCollection.Name)]
public sealed class ShutdownTests
{
    private static readonly TimeSpan s_cleanupTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DisposeLeavesNoProcessBehind()
    {
        var fixture = new AppHostFixture();
        IReadOnlyCollection<int> started;
        try
        {
            await fixture.InitializeAsync();
            started = ProcessTree.DescendantsIncludingDcp();
            Assert.Contains(started, pid => ProcessTree.Alive([pid]).Any(p => p.Contains("redis-server", StringComparison.Ordinal)));
            Assert.Contains(started, pid => ProcessTree.Alive([pid]).Any(p => p.Contains("/dcp ", StringComparison.Ordinal)));
        }
        finally
        {
            await fixture.DisposeAsync();
        }

        // DCP tears its processes down after the app has gone: wait on their exit, bounded.
        var deadline = DateTime.UtcNow + s_cleanupTimeout;
        var alive = ProcessTree.Alive(started);
        while (alive.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            alive = ProcessTree.Alive(started);
        }

        Assert.True(alive.Count == 0, "Still running after dispose:\n" + string.Join('\n', alive));
    }
}

/// <summary>
/// Runs after the other collections, never beside them: two AppHosts booting at once on a small machine (each with
/// its services, Postgres, Redis and Kafka) pushed both past their start timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ShutdownCollection
{
    public const string Name = "Shutdown";
}

using System.Net;

namespace CloudNative.IntegrationTests;

// A healthy canary (catalog-canary is the catalog itself) is promoted step by step to 100 %. In the shared app, which
// it leaves rolled back, so the other tests' catalog reads go to catalog again.
[Collection(AppHostCollection.Name)]
public sealed class GatewayRolloutTests(AppHostFixture fixture)
{
    [Fact]
    public async Task A_healthy_canary_is_promoted_to_100()
    {
        await using var rollout = await CatalogRollout.StartAsync(fixture);
        try
        {
            Assert.Equal("Progressing", (await rollout.SetWeightAsync(10)).GetProperty("status").GetString());

            var state = await rollout.DriveUntilDecidedAsync();

            Assert.True(state.GetProperty("status").GetString() == "Promoted", state.ToString());
            Assert.Equal(100, state.GetProperty("weight").GetInt32());
            // The admin's change, then one promotion per step: 25, 50, 100.
            Assert.Equal(4, state.GetProperty("version").GetInt64());
            Assert.Equal(["catalog", "catalog-canary"], rollout.ServedBy.Order());
        }
        finally
        {
            await rollout.RollBackAsync();
        }
    }
}

// A catalog-canary that fails 30 % of its requests (the AppHost's CatalogCanary section, as on its command line):
// an app of its own, since every other test wants a healthy catalog.
[Collection(FailingCanaryCollection.Name)]
public sealed class GatewayRollbackTests(FailingCanaryAppFixture fixture)
{
    [Fact]
    public async Task A_canary_failing_30_percent_of_requests_is_rolled_back()
    {
        await using var rollout = await CatalogRollout.StartAsync(fixture);

        Assert.Equal("Progressing", (await rollout.SetWeightAsync(50)).GetProperty("status").GetString());
        var state = await rollout.DriveUntilDecidedAsync();

        Assert.True(state.GetProperty("status").GetString() == "RolledBack", state.ToString());
        Assert.Equal(0, state.GetProperty("weight").GetInt32());
        Assert.Contains("error rate", state.GetProperty("reason").GetString());
        Assert.Contains("catalog-canary", rollout.ServedBy);
        // The gateway retries failed reads, so clients saw fewer failures than the canary had; none was the gateway's own.
        Assert.DoesNotContain(rollout.Statuses, status => status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout);
    }
}

public sealed class FailingCanaryAppFixture() : AppHostFixture(["CatalogCanary:Faults:ErrorRate=0.3"]);

/// <summary>Never beside another app: two AppHosts booting at once on a small machine miss their start timeout.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FailingCanaryCollection : ICollectionFixture<FailingCanaryAppFixture>
{
    public const string Name = "FailingCanary";
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class ResourceHealthTests(AppHostFixture fixture)
{
    [Fact]
    public async Task EveryResourceIsRunningAndHealthy()
    {
        await fixture.WaitForAllHealthyAsync();

        Assert.Equal(["postgres", "catalogdb", "cache", "kafka", "catalog", "gateway"], fixture.ResourceNames);
        foreach (var name in fixture.ResourceNames)
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var resourceEvent));
            Assert.Equal(KnownResourceStates.Running, resourceEvent.Snapshot.State);
            Assert.Equal(HealthStatus.Healthy, resourceEvent.Snapshot.HealthStatus);
        }
    }

    [Fact]
    public void BackingServicesRunInProcessModeWithoutAContainerEngine()
    {
        foreach (var name in (string[])["postgres", "cache", "kafka"])
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var resourceEvent));
            Assert.Equal("process", resourceEvent.Snapshot.Mode);
        }
    }
}

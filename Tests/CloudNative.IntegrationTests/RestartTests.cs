using System.Net;

namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class RestartTests(AppHostFixture fixture)
{
    [Fact]
    public async Task AKilledCatalogProcessIsRestartedAndServesAgain()
    {
        var notifications = fixture.App.ResourceNotifications;
        var before = await notifications.WaitForResourceHealthyAsync("catalog").WaitAsync(AppHostFixture.StartupTimeout);
        var killed = Assert.Single(before.Snapshot.ProcessIds);

        Assert.True(fixture.App.KillResourceProcess("catalog", killed));

        await notifications.WaitForResourceAsync("catalog", e => e.Snapshot.State == KnownResourceStates.Exited).WaitAsync(AppHostFixture.StartupTimeout);
        var after = await notifications.WaitForResourceHealthyAsync("catalog", WaitBehavior.WaitOnResourceUnavailable).WaitAsync(AppHostFixture.StartupTimeout);
        var restarted = Assert.Single(after.Snapshot.ProcessIds);
        Assert.NotEqual(killed, restarted);

        using var client = fixture.App.CreateHttpClient("gateway");
        using var response = await client.GetAsync("/api/catalog/items?pageSize=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

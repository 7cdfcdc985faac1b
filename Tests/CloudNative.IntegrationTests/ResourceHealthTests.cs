namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class ResourceHealthTests(AppHostFixture fixture)
{
    [Fact]
    public void EveryResourceIsRunningAndHealthy()
    {
        foreach (var name in AppHostFixture.BackingServices.Concat(AppHostFixture.Services))
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var state), $"No state for '{name}'.");
            Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state.Snapshot.HealthStatus);
        }
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("cache")]
    [InlineData("kafka")]
    public void BackingServicesRunAsLocalProcessesWithTheirRealSource(string name)
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var state));
        var source = state.Snapshot.Properties.Single(p => p.Name == CustomResourceKnownProperties.Source).Value as string;
        Assert.True(source is not null && Path.IsPathRooted(source) && File.Exists(source), $"'{name}' shows source '{source}'.");
        Assert.Contains(state.Snapshot.Properties, p => p.Name == "executable.pid");
    }
}

namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class ResourceHealthTests(AppHostFixture fixture)
{
    /// <summary>Waits rather than reads: another test in the collection may just have restarted a backing service.</summary>
    [Fact]
    public async Task EveryResourceIsRunningAndHealthy()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        foreach (var name in AppHostFixture.BackingServices.Concat(AppHostFixture.Services))
        {
            var state = await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
            Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
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

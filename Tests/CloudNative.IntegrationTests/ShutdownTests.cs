using System.Diagnostics;
using Xunit.Abstractions;

namespace CloudNative.IntegrationTests;

/// <summary>Boots its own application, because the test is the dispose.</summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DisposeLeavesNoProcessOfTheAppBehind()
    {
        var fixture = new AppHostFixture();
        await fixture.InitializeAsync();
        var processGroups = fixture.ResourceNames
            .SelectMany(name => fixture.App.ResourceNotifications.TryGetCurrentState(name, out var e) ? e.Snapshot.ProcessIds : [])
            .ToHashSet();
        Assert.True(processGroups.Count >= 5, $"Expected a process per runnable resource, got {processGroups.Count}.");
        Assert.NotEmpty(ProcessGroups.MembersOf(processGroups));

        var stopwatch = Stopwatch.StartNew();
        await fixture.DisposeAsync();
        output.WriteLine($"Dispose took {stopwatch.Elapsed.TotalSeconds:0.00} s for {processGroups.Count} process groups.");

        Assert.Empty(ProcessGroups.MembersOf(processGroups));
    }
}

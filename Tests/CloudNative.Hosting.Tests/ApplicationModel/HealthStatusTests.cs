using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.Hosting.Tests.ApplicationModel;

/// <summary>CustomResourceSnapshot.HealthStatus follows Aspire's ComputeHealthStatus (aspire-contracts §7.3).</summary>
public sealed class HealthStatusTests
{
    public static TheoryData<string> StatesOtherThanRunning() =>
    [
        KnownResourceStates.NotStarted, KnownResourceStates.Waiting, KnownResourceStates.Starting, KnownResourceStates.RuntimeUnhealthy,
        KnownResourceStates.Stopping, KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart,
    ];

    [Theory]
    [MemberData(nameof(StatesOtherThanRunning))]
    public void IsNullUnlessRunning(string state)
    {
        var snapshot = Snapshot(state, HealthStatus.Healthy);

        Assert.Null(snapshot.HealthStatus);
    }

    [Fact]
    public void IsNullWithoutState() => Assert.Null(new CustomResourceSnapshot { ResourceType = "Test" }.HealthStatus);

    [Fact]
    public void RunningWithoutReportsIsHealthy() => Assert.Equal(HealthStatus.Healthy, Snapshot(KnownResourceStates.Running).HealthStatus);

    [Theory]
    [InlineData(HealthStatus.Healthy, HealthStatus.Healthy, HealthStatus.Healthy)]
    [InlineData(HealthStatus.Healthy, HealthStatus.Degraded, HealthStatus.Degraded)]
    [InlineData(HealthStatus.Degraded, HealthStatus.Unhealthy, HealthStatus.Unhealthy)]
    [InlineData(HealthStatus.Unhealthy, HealthStatus.Healthy, HealthStatus.Unhealthy)]
    public void RunningIsTheWorstReport(HealthStatus first, HealthStatus second, HealthStatus expected) =>
        Assert.Equal(expected, Snapshot(KnownResourceStates.Running, first, second).HealthStatus);

    [Fact]
    public void PendingReportCountsAsUnhealthy() =>
        Assert.Equal(HealthStatus.Unhealthy, Snapshot(KnownResourceStates.Running, HealthStatus.Healthy, null).HealthStatus);

    [Fact]
    public void TerminalStatesAreAspires()
    {
        Assert.Equal([KnownResourceStates.Finished, KnownResourceStates.FailedToStart, KnownResourceStates.Exited], KnownResourceStates.TerminalStates);
        Assert.True(KnownResourceStates.IsTerminal(KnownResourceStates.Exited));
        Assert.False(KnownResourceStates.IsTerminal(KnownResourceStates.RuntimeUnhealthy));
        Assert.False(KnownResourceStates.IsTerminal(null));
    }

    internal static CustomResourceSnapshot Snapshot(string state, params HealthStatus?[] reports) => new()
    {
        ResourceType = "Test",
        State = state,
        HealthReports = [.. reports.Select((status, i) => new HealthReportSnapshot($"check{i}", status, null, null))],
    };
}

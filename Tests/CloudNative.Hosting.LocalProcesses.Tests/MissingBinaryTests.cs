namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>
/// A recipe whose binary is not on PATH: the resource fails to start and says what to install, and whatever waits
/// for it fails visibly instead of waiting forever.
/// </summary>
[Collection(DcpAppsCollection.Name)]
public sealed class MissingBinaryTests
{
    [Fact]
    public async Task TheResourceFailsToStartNamingTheBinaryAndTheInstallHint()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var builder = TestApps.Create();
        builder.AddService("svc", CommandRecipe.Missing());
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        await app.WaitForStateAsync("svc", KnownResourceStates.FailedToStart, timeout.Token);

        var log = await app.LogUntilAsync("svc", line => line.Contains(CommandRecipe.MissingBinary, StringComparison.Ordinal), timeout.Token);
        var error = log[^1];
        Assert.Contains("Resource 'svc' cannot start as a local process", error, StringComparison.Ordinal);
        Assert.Contains($"'{CommandRecipe.MissingBinary}' was not found on PATH", error, StringComparison.Ordinal);
        Assert.Contains(CommandRecipe.MissingBinaryHint, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExecutableThatWaitsForItFailsInsteadOfHanging()
    {
        using var timeout = new CancellationTokenSource(TestApps.Timeout);
        var builder = TestApps.Create();
        var svc = builder.AddService("svc", CommandRecipe.Missing());
        builder.AddExecutable("client", "sleep", Path.GetTempPath(), "300").WaitFor(svc);
        await using var app = builder.Build();
        await app.StartAsync(timeout.Token);

        await app.WaitForStateAsync("client", KnownResourceStates.FailedToStart, timeout.Token);

        await app.LogUntilAsync("client", line => line.Contains("Dependency resource 'svc' failed to start.", StringComparison.Ordinal), timeout.Token);
        Assert.False(timeout.IsCancellationRequested);
    }
}

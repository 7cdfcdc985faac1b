using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudNative.IntegrationTests;

/// <summary>
/// The real AppHost, booted once per collection through Aspire.Hosting.Testing: its own Program.cs, DCP, and the
/// backing services as local processes with temporary data. A collection that needs other AppHost settings derives
/// its own fixture, with extra arguments (as on the AppHost's command line) or more in <see cref="Configure"/>, and so
/// gets an app of its own.
/// <para>
/// Payments declines every amount above <see cref="DeclineAbove"/>: a decline is an order priced over it, while
/// every other test's orders stay far below and are charged as usual.
/// </para>
/// </summary>
public class AppHostFixture : IAsyncLifetime
{
    public static readonly string[] BackingServices = ["postgres", "catalogdb", "identitydb", "paymentsdb", "orderingdb", "cache", "kafka"];
    public static readonly string[] Services = ["identity", "catalog", "catalog-canary", "payments", "basket", "ordering", "gateway"];

    // The gateway judges a rollout every few seconds instead of every minute, so a test sees its verdicts.
    public static readonly TimeSpan RolloutWindow = TimeSpan.FromSeconds(3);
    public const int RolloutMinimumRequests = 10;

    public const decimal DeclineAbove = 1000m;

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);

    private readonly string[] _args;
    private DistributedApplication? _app;

    // xUnit creates a collection fixture through its one public constructor.
    public AppHostFixture() : this([])
    {
    }

    protected AppHostFixture(string[] args) => _args = args;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(s_startTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>(
            ["LocalProcesses:Ephemeral=true", .. _args], timeout.Token);
        Configure(builder);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in BackingServices.Concat(Services))
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
    }

    /// <summary>The test app's settings on top of the AppHost's model, before it is built.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
        builder.Service("payments").WithEnvironment("Payments__Provider__DeclineAbove", DeclineAbove.ToString(CultureInfo.InvariantCulture));
        // Tests expect every checkout accepted, and on a busy 2-core runner a saga step can wait seconds (the first
        // orders after boot, a killed replica's partitions): admission control would answer those with 503. Its own
        // tests are Ordering's.
        builder.Service("ordering").WithEnvironment("Ordering__MaxSagaWait", TimeSpan.FromMinutes(10).ToString("c"));
        builder.Service("gateway")
            .WithEnvironment("Gateway__Rollouts__Window", RolloutWindow.ToString("c"))
            .WithEnvironment("Gateway__Rollouts__MinimumRequests", RolloutMinimumRequests.ToString(CultureInfo.InvariantCulture))
            // Judged by errors only: two processes' p95 on a busy 2-core machine is noise (CI rolled a healthy canary
            // back on 100 ms against 50 ms). The latency rule has its own unit tests.
            .WithEnvironment("Gateway__Rollouts__MinLatencyIncrease", TimeSpan.FromSeconds(10).ToString("c"));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public async Task<string> ConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"'{resource}' has no connection string.");

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}

using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;
using CloudNative.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudNative.DashboardTests;

/// <summary>
/// The real AppHost with its Aspire dashboard, booted once for the collection (a boot costs ~25 s on 2 cores).
/// </summary>
public sealed class DashboardAppFixture : IAsyncLifetime
{
    public static readonly string[] Resources = ["postgres", "catalogdb", "identitydb", "paymentsdb", "orderingdb", "cache", "kafka", "identity", "catalog", "catalog-canary", "payments", "basket", "ordering", "gateway"];

    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);

    private DistributedApplication? _app;
    private Uri? _dashboardLoginUrl;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The dashboard's login link with the browser token (<c>/login?t=…</c>): a credential, never logged.</summary>
    public Uri DashboardLoginUrl => _dashboardLoginUrl ?? throw new InvalidOperationException("The dashboard has not started.");

    public Uri DashboardBaseUrl => new(DashboardLoginUrl.GetLeftPart(UriPartial.Authority));

    /// <summary>
    /// What the dashboard process has written so far, as the AppHost forwards it to its loggers. A page the browser could
    /// not render ("An unhandled error has occurred") is explained there, not in the page.
    /// </summary>
    public CapturedLog DashboardLog { get; } = new((category, _) => category.EndsWith(".aspire-dashboard", StringComparison.Ordinal));

    /// <summary>Key for the dashboard's telemetry API (<c>x-api-key</c>).</summary>
    public string TelemetryApiKey { get; } = NewKey();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(s_startTimeout);
        IDistributedApplicationTestingBuilder? builder = null;
        try
        {
            // EnableDashboard is Aspire.Hosting.Testing's supported switch: dynamic loopback ports (never 18888, which a
            // developer's own AppHost may hold), plain HTTP, and a browser token generated for this app alone.
            builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>(
                new DistributedApplicationTestingBuilderOptions { EnableDashboard = true },
                [
                    "LocalProcesses:Ephemeral=true",
                    // Both keys given here, so Aspire does not generate them and store them in the AppHost's user secrets.
                    $"AppHost:DashboardApiKey={TelemetryApiKey}",
                    $"AppHost:OtlpApiKey={NewKey()}",
                ],
                timeout.Token);
            builder.Services.AddSingleton<ILoggerProvider>(DashboardLog);
            _app = await builder.BuildAsync(timeout.Token);
            await _app.StartAsync(timeout.Token);
            foreach (var resource in Resources)
            {
                await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }
            _dashboardLoginUrl = await _app.GetDashboardUrlAsync(timeout.Token);
        }
        catch
        {
            // Stop the processes started so far before reporting the failure (DisposeAsync is idempotent, in case xunit
            // calls it as well).
            await DisposeAsync();
            if (_app is null && builder is not null)
            {
                await builder.DisposeAsync();
            }
            throw;
        }
    }

    // The names the dashboard shows for a resource: its own, or one per replica ("gateway-<suffix>", the replica's
    // resource id) when it has several.
    public async Task<IReadOnlyList<string>> DashboardNamesAsync(string resource, CancellationToken cancellationToken)
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource);
        var replicas = model.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
        if (replicas == 1)
        {
            return [resource];
        }

        var ids = new HashSet<string>();
        await foreach (var resourceEvent in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (resourceEvent.Resource.Name == resource && ids.Add(resourceEvent.ResourceId) && ids.Count == replicas)
            {
                break;
            }
        }
        return [.. ids.Order()];
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardAppFixture>
{
    public const string Name = "Dashboard";
}

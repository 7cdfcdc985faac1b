using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CloudNative.Bench.Startup;

/// <summary>
/// What an integration-test class pays, done as Tests/CloudNative.IntegrationTests/AppHostFixture.cs does it:
/// CreateAsync, BuildAsync, StartAsync, then WaitForResourceHealthyAsync for each resource in turn (every resource
/// of the model, see <see cref="ResourceList"/>; the fixture names the same ones); then
/// DisposeAsync. Being in-process it also sees everything: Aspire's log (when DCP was launched and answered),
/// every state and health change, and the resources' console logs (each line with the time it was written).
/// </summary>
internal static partial class FixtureRun
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The first console line that says a resource is ready to serve, by resource.</summary>
    private static readonly (string Resource, string Text, string Key)[] s_logMarks =
    [
        ("postgres", "database system is ready to accept connections", "postgres.ready"),
        ("cache", "Ready to accept connections", "cache.ready"),
        ("kafka", "Kafka dev broker ready", "kafka.ready"),
    ];

    /// <param name="unhealthyRecheck">
    /// A cut to measure: how soon Aspire re-runs a failing health check (it waits 1 s, 2 s, … up to 5 s between
    /// attempts). Set through reflection on Aspire's internal ResourceHealthCheckService; null leaves Aspire's.
    /// </param>
    /// <param name="configuration">More AppHost configuration (e.g. LocalProcesses:VolumeRoot), after the fixture's own.</param>
    public static async Task<RunResult> MeasureAsync(IReadOnlyList<string> resources, IReadOnlyDictionary<string, string> configuration, TimeSpan? unhealthyRecheck, bool verbose, CancellationToken cancellationToken)
    {
        var result = new RunResult("test fixture");
        var inspection = new Inspection(Environment.ProcessId, rootStays: true);
        var startedUtc = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);

        // As AppHostFixture, plus a free gateway port (the AppHost's default, 5000, may be a developer's).
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CloudNative_AppHost>(
            ["LocalProcesses:Ephemeral=true", $"Gateway:Port={Ports.Free().ToString(CultureInfo.InvariantCulture)}", .. configuration.Select(c => $"{c.Key}={c.Value}")],
            timeout.Token);
        result.Mark("builder.created", clock);
        MarkingLoggerProvider.AddTo(builder.Services, result, clock);
        var app = await builder.BuildAsync(timeout.Token);
        result.Mark("app.built", clock);
        using var watching = new CancellationTokenSource();
        var watchers = new List<Task>();
        try
        {
            watchers.Add(WatchStatesAsync(app, result, clock, startedUtc, verbose, watchers, watching.Token));
            if (unhealthyRecheck is { } recheck)
            {
                SetUnhealthyRecheck(app, recheck);
            }

            await app.StartAsync(timeout.Token);
            result.Mark("app.started", clock);
            foreach (var resource in resources)
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }

            result.Mark("all.healthy", clock);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result.Failure = "cancelled";
        }
        catch (Exception e)
        {
            var missing = resources.Where(r => result[$"{r}.healthy"] is null);
            result.Failure = (timeout.IsCancellationRequested ? $"not healthy within {s_startTimeout.TotalMinutes} min" : $"{e.GetType().Name}: {e.Message}")
                + $" (not healthy: {string.Join(", ", missing)})";
        }
        finally
        {
            inspection.AtHealthy(result, clock);
            await watching.CancelAsync();
            var stop = Stopwatch.StartNew();
            inspection.BeginStop(result, stop, TimeSpan.FromSeconds(30));
            await app.DisposeAsync();
            result.Set("stop.exited", stop.Elapsed.TotalSeconds);
            await inspection.AfterStopAsync(result);
            Task[] running;
            lock (watchers)
            {
                running = [.. watchers];
            }

            await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return result;
    }

    /// <summary>Every state and health change; and, once a resource has an id, its console log.</summary>
    private static async Task WatchStatesAsync(DistributedApplication app, RunResult result, Stopwatch clock, DateTime startedUtc, bool verbose, List<Task> watchers, CancellationToken cancellationToken)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var watchedLogs = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var change in app.ResourceNotifications.WatchAsync(cancellationToken))
            {
                var name = change.Resource.Name;

                // Logs are kept by resource id (e.g. postgres-abcd1234), known once the app has started.
                // A project's log says when Kestrel listened, and has its own figure for EF migrations and seeding.
                if ((s_logMarks.Any(m => m.Resource == name) || change.Resource is ProjectResource) && watchedLogs.Add(change.ResourceId))
                {
                    lock (watchers)
                    {
                        watchers.Add(WatchLogsAsync(logs, name, change.ResourceId, result, clock, startedUtc, verbose, cancellationToken));
                    }
                }

                if (change.Snapshot.State?.Text is { Length: > 0 } state)
                {
                    result.Mark($"{name}.{state}", clock);
                }

                if (change.Snapshot.HealthStatus == HealthStatus.Healthy)
                {
                    result.Mark($"{name}.healthy", clock);
                }

                if (verbose)
                {
                    Out.WriteLine($"    | {clock.Elapsed.TotalSeconds,7:0.000} {name}: {change.Snapshot.State?.Text} {change.Snapshot.HealthStatus}");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (verbose)
        {
            Out.WriteLine($"    | state watch failed: {e}");
        }
    }

    /// <summary>
    /// A resource's console log. Each line starts with the UTC time it was written, which is what is marked: a
    /// line written before this watch began comes with the backlog.
    /// </summary>
    private static async Task WatchLogsAsync(ResourceLoggerService logs, string resource, string resourceId, RunResult result, Stopwatch clock, DateTime startedUtc, bool verbose, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(resourceId).WithCancellation(cancellationToken))
            {
                foreach (var line in batch)
                {
                    var space = line.Content.IndexOf(' ', StringComparison.Ordinal);
                    var at = space > 0 && DateTime.TryParse(line.Content[..space], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var written)
                        ? (written - startedUtc).TotalSeconds
                        : clock.Elapsed.TotalSeconds;
                    if (verbose)
                    {
                        Out.WriteLine($"    | {at,7:0.000} [{resource}] {line.Content}");
                    }

                    foreach (var mark in s_logMarks.Where(m => m.Resource == resource && line.Content.Contains(m.Text, StringComparison.Ordinal)))
                    {
                        result.Mark(mark.Key, at);
                    }

                    // Kestrel listens once the hosted services have started (migrations included): /health answers from then.
                    if (line.Content.Contains("Now listening on:", StringComparison.Ordinal))
                    {
                        result.Mark($"{resource}.listening", at);
                    }

                    // A service's own figure for EF migrations and seeding (e.g. CatalogDbInitializer's).
                    if (Migrated().Match(line.Content) is { Success: true } migrated)
                    {
                        result.Set($"{resource}.migrate", double.Parse(migrated.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000);
                    }
                }
            }

            if (verbose)
            {
                Out.WriteLine($"    | log watch of {resource} ended");
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (verbose)
        {
            Out.WriteLine($"    | log watch of {resource} failed: {e}");
        }
    }

    private static void SetUnhealthyRecheck(DistributedApplication app, TimeSpan recheck)
    {
        var service = app.Services.GetServices<IHostedService>().FirstOrDefault(s => s.GetType().Name == "ResourceHealthCheckService")
            ?? throw new InvalidOperationException("Aspire's ResourceHealthCheckService was not found: this cut needs Aspire 13.6's internals.");
        var property = service.GetType().GetProperty("NonHealthyHealthCheckStepInterval", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException("ResourceHealthCheckService.NonHealthyHealthCheckStepInterval was not found: this cut needs Aspire 13.6's internals.");
        property.SetValue(service, recheck);
    }

    [GeneratedRegex(@"migrated and seeded in (?<ms>\d+) ms")]
    private static partial Regex Migrated();
}

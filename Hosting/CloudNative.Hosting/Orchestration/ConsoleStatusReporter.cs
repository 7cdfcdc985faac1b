using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// Prints each resource's mode, state, health and URLs as they change, and Aspire's start-up line once
/// every resource is healthy or finished.
/// </summary>
internal sealed class ConsoleStatusReporter(ResourceNotificationService notifications, DistributedApplicationBuilder builder, ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("CloudNative.Hosting.DistributedApplication");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var last = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var announced = false;
        try
        {
            await foreach (var resourceEvent in notifications.WatchAsync(stoppingToken).ConfigureAwait(false))
            {
                var snapshot = resourceEvent.Snapshot;
                var line = Describe(resourceEvent.Resource, snapshot);
                if (!last.TryGetValue(resourceEvent.Resource.Name, out var previous) || previous != line)
                {
                    last[resourceEvent.Resource.Name] = line;
                    _logger.LogInformation("{Status}", line);
                }

                if (!announced && AllUp())
                {
                    announced = true;
                    _logger.LogInformation("Distributed application started. Press Ctrl+C to shut down.");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool AllUp() => builder.Resources.All(r =>
        notifications.TryGetCurrentState(r.Name, out var e)
        && (e.Snapshot.HealthStatus == HealthStatus.Healthy || e.Snapshot.State == KnownResourceStates.Finished));

    private static string Describe(IResource resource, CustomResourceSnapshot snapshot)
    {
        var health = snapshot.HealthStatus is { } status ? $" ({status})" : string.Empty;
        var exit = snapshot.ExitCode is { } code && snapshot.State != KnownResourceStates.Running ? $" exit code {code}" : string.Empty;
        var urls = snapshot.Urls.IsEmpty ? string.Empty : " " + string.Join(' ', snapshot.Urls.Select(u => u.Url));
        return $"{resource.Name,-14} {snapshot.ResourceType.ToLowerInvariant(),-16} {snapshot.Mode,-10} {snapshot.State}{health}{exit}{urls}";
    }
}

using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using CloudNative.Hosting.LocalProcesses.Processes;
using Microsoft.Extensions.Options;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>
/// Owns every local process of the app and stops them once the host has stopped, that is after DCP has stopped the
/// projects, so backing services outlive their clients. That happens when the host stops (the AppHost's Run() never
/// disposes it) or, failing that, when the container is disposed; the reaper covers a killed AppHost.
/// </summary>
internal sealed class LocalProcessHost(
    ResourceNotificationService notifications,
    ResourceLoggerService loggers,
    IDistributedApplicationEventing eventing,
    DistributedApplicationModel model,
    IOptions<LocalProcessOptions> options,
    IServiceProvider services) : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, LocalProcessRunner> _runners = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private Task? _stopping;

    public ResourceNotificationService Notifications => notifications;

    public ResourceLoggerService Loggers => loggers;

    public IDistributedApplicationEventing Eventing => eventing;

    public IServiceProvider Services => services;

    public LocalProcessOptions Options => options.Value;

    public ProcessTreeReaper Reaper { get; } = new();

    public void Adopt(IResource resource, ILocalProcessRecipe recipe, IReadOnlyList<string> droppedOptions) =>
        _runners[resource.Name] = new LocalProcessRunner(resource, recipe, droppedOptions, this);

    public LocalProcessRunner? Find(string resourceName) => _runners.GetValueOrDefault(resourceName);

    /// <summary>The resource, then the resources whose parent it is (a server's databases).</summary>
    public IEnumerable<IResource> SelfAndChildren(IResource resource) =>
        model.Resources.OfType<IResourceWithParent>().Where(child => child.Parent == resource).Prepend(resource);

    public ValueTask DisposeAsync() => new(StopAllAsync());

    public Task StopAllAsync()
    {
        lock (_gate)
        {
            return _stopping ??= StopRunnersAsync();
        }
    }

    private async Task StopRunnersAsync()
    {
        try
        {
            await Task.WhenAll(_runners.Values.Select(runner => runner.DisposeAsync().AsTask())).WaitAsync(s_stopTimeout).ConfigureAwait(false);
        }
        finally
        {
            // Whatever did not stop in time, the reaper ends: no process outlives the app.
            Reaper.Dispose();
        }
    }
}

using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Publishes resource snapshots and lets callers wait for states, as Aspire's service of the same name.</summary>
public sealed class ResourceNotificationService : IDisposable
{
    private static readonly string[] s_unavailableStates =
        [KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.RuntimeUnhealthy];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ResourceEvent> _current = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Channel<ResourceEvent>> _watchers = [];
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>
    /// Applies <paramref name="update"/> to the current snapshot and hands the result to every watcher. Both happen
    /// under one lock, so concurrent updates reach every watcher in the order they were applied.
    /// </summary>
    public Task PublishUpdateAsync(IResource resource, Func<CustomResourceSnapshot, CustomResourceSnapshot> update)
    {
        lock (_gate)
        {
            var previous = _current.TryGetValue(resource.Name, out var existing)
                ? existing.Snapshot
                : new CustomResourceSnapshot { ResourceType = ResourceTypeOf(resource) };
            var resourceEvent = new ResourceEvent(resource, resource.Name, update(previous));
            _current[resource.Name] = resourceEvent;

            // Unbounded channels accept every write at once; a watcher that has finished is already removed.
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(resourceEvent);
            }
        }

        return Task.CompletedTask;
    }

    public bool TryGetCurrentState(string resourceName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ResourceEvent? resourceEvent)
    {
        lock (_gate)
        {
            return _current.TryGetValue(resourceName, out resourceEvent);
        }
    }

    /// <summary>Every current snapshot, then every update, until cancelled.</summary>
    public async IAsyncEnumerable<ResourceEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<ResourceEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_gate)
        {
            foreach (var resourceEvent in _current.Values)
            {
                channel.Writer.TryWrite(resourceEvent);
            }

            _watchers.Add(channel);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposed.Token);
        try
        {
            while (await channel.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var resourceEvent))
                {
                    yield return resourceEvent;
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _watchers.Remove(channel);
            }
        }
    }

    public Task<ResourceEvent> WaitForResourceAsync(string resourceName, string? targetState = null, CancellationToken cancellationToken = default) =>
        WaitForResourceAsync(resourceName, [targetState ?? KnownResourceStates.Running], cancellationToken);

    public Task<ResourceEvent> WaitForResourceAsync(string resourceName, IEnumerable<string> targetStates, CancellationToken cancellationToken = default)
    {
        var states = targetStates.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return WaitForResourceAsync(resourceName, e => e.Snapshot.State is { } state && states.Contains(state), cancellationToken);
    }

    public async Task<ResourceEvent> WaitForResourceAsync(string resourceName, Func<ResourceEvent, bool> predicate, CancellationToken cancellationToken = default)
    {
        await foreach (var resourceEvent in WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(resourceEvent.Resource.Name, resourceName, StringComparison.OrdinalIgnoreCase) && predicate(resourceEvent))
            {
                return resourceEvent;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new OperationCanceledException($"Stopped waiting for resource '{resourceName}': the application is shutting down.");
    }

    /// <summary>Waits for Running and Healthy; with the default behavior, fails as soon as the resource cannot get there.</summary>
    public async Task<ResourceEvent> WaitForResourceHealthyAsync(string resourceName, WaitBehavior waitBehavior = WaitBehavior.StopOnResourceUnavailable, CancellationToken cancellationToken = default)
    {
        var resourceEvent = await WaitForResourceAsync(resourceName, e =>
            e.Snapshot.HealthStatus == HealthStatus.Healthy
            || (waitBehavior == WaitBehavior.StopOnResourceUnavailable && s_unavailableStates.Contains(e.Snapshot.State)), cancellationToken).ConfigureAwait(false);

        if (resourceEvent.Snapshot.HealthStatus != HealthStatus.Healthy)
        {
            throw new DistributedApplicationException(
                $"Stopped waiting for resource '{resourceName}' to become healthy because it failed to start (state {resourceEvent.Snapshot.State}{(resourceEvent.Snapshot.ExitCode is { } code ? $", exit code {code}" : string.Empty)}). See its console logs for the cause.");
        }

        return resourceEvent;
    }

    // The token source is only cancelled, never disposed: watchers may still link to it while shutting down.
    public void Dispose() => _disposed.Cancel();

    internal static string ResourceTypeOf(IResource resource) => resource switch
    {
        ProjectResource => KnownResourceTypes.Project,
        ContainerResource => KnownResourceTypes.Container,
        ExecutableResource => KnownResourceTypes.Executable,
        ParameterResource => KnownResourceTypes.Parameter,
        IResourceWithConnectionString => KnownResourceTypes.ConnectionString,
        _ => resource.GetType().Name.Replace("Resource", string.Empty, StringComparison.Ordinal),
    };
}

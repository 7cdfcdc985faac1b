using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// Brings the model up in process mode: allocates every endpoint first, then starts all resources in parallel,
/// each after the ones it waits for, and watches their health. Stopping stops every process it started.
/// </summary>
internal sealed class ApplicationOrchestrator(
    DistributedApplicationBuilder builder,
    OrchestratorServices services,
    LauncherFactory launchers,
    HealthCheckService healthChecks,
    IServiceProvider serviceProvider,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<ResourceEndpoints> _endpoints = [];
    private readonly Dictionary<string, ResourceRunner> _runners = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Task> _background = [];
    private readonly ILogger _logger = loggerFactory.CreateLogger("CloudNative.Hosting.Orchestrator");
    private readonly DataDirectories _data = new(builder.AppHostDirectory, builder.Options.EphemeralData);
    private int _stopped;

    private IEnumerable<IResource> Resources => builder.Resources;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        launchers.ThrowIfBinariesMissing(Resources);
        foreach (var resource in Resources)
        {
            var endpoints = new ResourceEndpoints(resource);
            _endpoints.Add(endpoints);
            endpoints.Allocate(builder.Options.RandomizePorts);
            await PublishInitialStateAsync(resource).ConfigureAwait(false);
        }

        foreach (var resource in Resources)
        {
            _background.Add(new ResourceHealthMonitor(resource, healthChecks, services.Notifications).RunAsync(_stopping.Token));
            var endpoints = _endpoints.Single(e => ReferenceEquals(e.Resource, resource));
            _background.Add(Task.Run(() => StartResourceAsync(resource, endpoints)));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        ResourceRunner[] runners;
        lock (_runners)
        {
            runners = [.. _runners.Values];
        }

        await Task.WhenAll(runners.Select(r => r.StopAsync())).ConfigureAwait(false);
        await Task.WhenAll(_background).ConfigureAwait(false);
        foreach (var endpoints in _endpoints)
        {
            await endpoints.DisposeAsync().ConfigureAwait(false);
        }

        services.Dispose();
        _data.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Kills one process of a resource as a crash would (for tests and chaos experiments).</summary>
    public bool KillProcess(string resourceName, int pid)
    {
        lock (_runners)
        {
            return _runners.TryGetValue(resourceName, out var runner) && runner.KillReplica(pid);
        }
    }

    private Task PublishInitialStateAsync(IResource resource) =>
        services.Notifications.PublishUpdateAsync(resource, s => s with
        {
            State = resource.Annotations.OfType<WaitAnnotation>().Any() ? KnownResourceStates.Waiting : KnownResourceStates.NotStarted,
            Mode = launchers.ModeOf(resource),
            HealthReports = HealthReportsPending.For(resource),
            Urls = [.. resource.Annotations.OfType<EndpointAnnotation>()
                .Where(e => e.AllocatedEndpoint is not null)
                .Select(e => new UrlSnapshot(e.Name, e.AllocatedEndpoint!.UriString, IsInternal: !e.IsExternal))],
        });

    private async Task StartResourceAsync(IResource resource, ResourceEndpoints endpoints)
    {
        try
        {
            await WaitForDependenciesAsync(resource).ConfigureAwait(false);
            if (resource is IResourceWithParent child)
            {
                await WaitForParentAsync(child).ConfigureAwait(false);
            }

            if (launchers.ModeOf(resource) == LauncherFactory.ExistingMode)
            {
                resource.Annotations.Add(new ExistingConnectionStringAnnotation(builder.Configuration[$"ConnectionStrings:{resource.Name}"]!));
            }

            if (launchers.Create(resource) is not { } launcher)
            {
                await SetStateAsync(resource, KnownResourceStates.Running).ConfigureAwait(false);
                await RunReadyCallbacksAsync(resource).ConfigureAwait(false);
                return;
            }

            await SetStateAsync(resource, KnownResourceStates.Starting).ConfigureAwait(false);
            var context = new LaunchContext(resource, builder.ExecutionContext, _data.For(resource.Name), _data.Ephemeral, loggerFactory.CreateLogger($"CloudNative.Hosting.Resources.{resource.Name}"), serviceProvider);
            var runner = new ResourceRunner(launcher, context, endpoints, services);
            lock (_runners)
            {
                // StopAsync cancels, then takes the runners under this lock: one registered after that would never be stopped.
                _stopping.Token.ThrowIfCancellationRequested();
                _runners[resource.Name] = runner;
            }

            await runner.StartAsync(_stopping.Token).ConfigureAwait(false);

            await RunReadyCallbacksAsync(resource).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            services.Logs.Write(resource.Name, resource.Name, ex.Message, isError: true);
            _logger.LogError("Resource '{Resource}' failed to start: {Message}", resource.Name, ex.Message);
            await SetStateAsync(resource, KnownResourceStates.FailedToStart).ConfigureAwait(false);
        }
    }

    /// <summary>Aspire's ResourceReadyEvent: after the first healthy moment, such as CREATE DATABASE for each AddDatabase.</summary>
    private async Task RunReadyCallbacksAsync(IResource resource)
    {
        var callbacks = resource.Annotations.OfType<ResourceReadyAnnotation>().ToList();
        if (callbacks.Count == 0)
        {
            return;
        }

        // A crashed replica restarts, so keep waiting through failures for the first healthy moment.
        await services.Notifications.WaitForResourceHealthyAsync(resource.Name, WaitBehavior.WaitOnResourceUnavailable, _stopping.Token).ConfigureAwait(false);
        foreach (var callback in callbacks)
        {
            await callback.Callback(new ResourceReadyContext(resource, serviceProvider, launchers.ModeOf(resource)), _stopping.Token).ConfigureAwait(false);
        }
    }

    private async Task WaitForParentAsync(IResourceWithParent child)
    {
        var parent = await services.Notifications.WaitForResourceAsync(child.Parent.Name, [KnownResourceStates.Running, KnownResourceStates.FailedToStart], _stopping.Token).ConfigureAwait(false);
        if (parent.Snapshot.State == KnownResourceStates.FailedToStart)
        {
            throw new DistributedApplicationException($"Resource '{child.Name}' cannot start because its parent '{child.Parent.Name}' failed to start.");
        }
    }

    private async Task WaitForDependenciesAsync(IResource resource)
    {
        var waits = resource.Annotations.OfType<WaitAnnotation>().ToList();
        if (waits.Count == 0)
        {
            return;
        }

        await SetStateAsync(resource, KnownResourceStates.Waiting).ConfigureAwait(false);
        await Task.WhenAll(waits.Select(WaitForAsync)).ConfigureAwait(false);
    }

    private async Task WaitForAsync(WaitAnnotation wait)
    {
        var name = wait.Resource.Name;
        if (wait.WaitType == WaitType.WaitUntilHealthy)
        {
            await services.Notifications.WaitForResourceHealthyAsync(name, wait.WaitBehavior, _stopping.Token).ConfigureAwait(false);
            return;
        }

        var done = await services.Notifications.WaitForResourceAsync(name, e => KnownResourceStates.IsTerminal(e.Snapshot.State), _stopping.Token).ConfigureAwait(false);
        if (done.Snapshot.State == KnownResourceStates.FailedToStart || done.Snapshot.ExitCode != wait.ExitCode)
        {
            throw new DistributedApplicationException(
                $"Resource '{name}' has entered the '{done.Snapshot.State}' state with exit code '{done.Snapshot.ExitCode}', expected '{wait.ExitCode}'.");
        }
    }

    private Task SetStateAsync(IResource resource, string state) =>
        services.Notifications.PublishUpdateAsync(resource, s => s with
        {
            State = state,
            StartTimeStamp = state == KnownResourceStates.Running ? DateTime.UtcNow : s.StartTimeStamp,
            HealthReports = HealthReportsPending.For(resource),
        });
}

using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CloudNative.Hosting.LocalProcesses.Processes;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>
/// One backing service as a local process: it plays DCP's part for the resource (endpoints, lifecycle events,
/// states, console logs), restarts the process with backoff when it crashes, and serves Stop, Start and Restart.
/// </summary>
internal sealed class LocalProcessRunner(IResource resource, ILocalProcessRecipe recipe, IReadOnlyList<string> droppedOptions, LocalProcessHost host) : IAsyncDisposable
{
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly ILogger _log = host.Loggers.GetLogger(resource);
    private CancellationTokenSource? _running;
    private Task _run = Task.CompletedTask;
    private LocalProcessContext? _context;
    private LocalDataDirectory? _data;

    public IResource Resource => resource;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        LocalEndpoints.Allocate(resource);
        await host.Eventing.PublishAsync(new ResourceEndpointsAllocatedEvent(resource, host.Services), cancellationToken).ConfigureAwait(false);
        await host.Eventing.PublishAsync(new BeforeResourceStartedEvent(resource, host.Services), cancellationToken).ConfigureAwait(false);
        foreach (var withConnectionString in host.SelfAndChildren(resource).OfType<IResourceWithConnectionString>())
        {
            await host.Eventing.PublishAsync(new ConnectionStringAvailableEvent(withConnectionString, host.Services), cancellationToken).ConfigureAwait(false);
        }

        foreach (var option in droppedOptions.Concat(recipe.DescribeUnsupportedOptions(resource)).Concat(UnsupportedContainerOptions.Describe(resource)))
        {
            _log.LogWarning("Not applied in local-process mode: {Option}", option);
        }

        var missing = recipe.RequiredBinaries.Where(binary => ExecutableLocator.Find(binary.Name) is null).ToList();
        if (missing.Count > 0)
        {
            foreach (var binary in missing)
            {
                _log.LogError(
                    "Resource '{Resource}' cannot start as a local process: '{Binary}' was not found on PATH. {InstallHint} Or start a container engine (docker or podman) to run the stock container instead.",
                    resource.Name, binary.Name, binary.InstallHint);
            }

            await SetStateAsync(new ResourceStateSnapshot(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error)).ConfigureAwait(false);
            return;
        }

        try
        {
            _data = LocalDataDirectory.For(resource, recipe.DataMountTarget, host.Options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log.LogError(
                "Resource '{Resource}' cannot start as a local process: its data directory cannot be created ({Message}). Give this user write access there, or set LocalProcesses:VolumeRoot to a writable directory.",
                resource.Name, ex.Message);
            await SetStateAsync(new ResourceStateSnapshot(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error)).ConfigureAwait(false);
            return;
        }

        _context = new LocalProcessContext(resource, _data, host.Options.CacheRoot, _log, host.Services, host.Reaper);
        _log.LogInformation("Running as a local process; data in {Directory} ({Lifetime}).", _data.Path, _data.IsPersistent ? "kept between runs" : "removed when the app stops");
        Start();
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_running is not null || _context is null)
            {
                return;
            }

            _running = new CancellationTokenSource();
            _run = RunAsync(_context, _running.Token);
        }
    }

    public async Task StopAsync()
    {
        CancellationTokenSource? running;
        Task run;
        lock (_gate)
        {
            running = _running;
            run = _run;
            _running = null;
        }

        if (running is null)
        {
            return;
        }

        await SetStateAsync(new ResourceStateSnapshot(KnownResourceStates.Stopping, KnownResourceStateStyles.Info)).ConfigureAwait(false);
        await running.CancelAsync().ConfigureAwait(false);
        await run.ConfigureAwait(false);
        running.Dispose();
    }

    private async Task RunAsync(LocalProcessContext context, CancellationToken stopping)
    {
        var backoff = new RestartBackoff();
        while (!stopping.IsCancellationRequested)
        {
            await SetStateAsync(new ResourceStateSnapshot(KnownResourceStates.Starting, KnownResourceStateStyles.Info)).ConfigureAwait(false);
            ChildProcess child;
            ProcessSpec spec;
            try
            {
                await recipe.PrepareAsync(context, stopping).ConfigureAwait(false);
                spec = await recipe.CreateProcessSpecAsync(context, stopping).ConfigureAwait(false);
                child = ChildProcess.Start(spec, host.Reaper, WriteConsoleLine);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _log.LogError("Resource '{Resource}' failed to start: {Message}", resource.Name, ex.Message);
                await SetStateAsync(new ResourceStateSnapshot(KnownResourceStates.FailedToStart, KnownResourceStateStyles.Error)).ConfigureAwait(false);
                lock (_gate)
                {
                    _running = null;
                }

                return;
            }

            var startedAt = Stopwatch.GetTimestamp();
            int exitCode;
            try
            {
                if (await ListeningAsync(context, child, startedAt, stopping).ConfigureAwait(false))
                {
                    await SetRunningAsync(spec, child.Pid).ConfigureAwait(false);
                }

                exitCode = await child.Exited.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await child.StopAsync(s_stopGrace).ConfigureAwait(false);
                await SetExitedAsync(await child.Exited.ConfigureAwait(false)).ConfigureAwait(false);
                break;
            }

            var delay = backoff.Next(Stopwatch.GetElapsedTime(startedAt));
            _log.LogError("The process exited unexpectedly with code {ExitCode}; restarting in {Delay} s.", exitCode, delay.TotalSeconds);
            await SetExitedAsync(exitCode).ConfigureAwait(false);
            try
            {
                await Task.Delay(delay, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>False when the process exited before it accepted a connection: it never ran.</summary>
    private async Task<bool> ListeningAsync(LocalProcessContext context, ChildProcess child, long startedAt, CancellationToken stopping)
    {
        if (recipe.ListeningEndpointName is not { } endpointName)
        {
            return true;
        }

        var port = context.PortOf(endpointName);
        var listening = await ListeningProbe.WaitAsync(port, child.Exited, stopping).ConfigureAwait(false);
        if (listening)
        {
            _log.LogInformation("Accepting connections on port {Port}, {Milliseconds:0} ms after the start.", port, Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds);
        }

        return listening;
    }

    private void WriteConsoleLine(string line, bool isError) =>
        _log.Log(isError ? LogLevel.Error : LogLevel.Information, 0, line, null, static (state, _) => state);

    private Task SetRunningAsync(ProcessSpec spec, int pid) =>
        PublishAsync(snapshot => snapshot with
        {
            State = new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
            StartTimeStamp = DateTime.UtcNow,
            StopTimeStamp = null,
            ExitCode = null,
            Properties = [
                .. snapshot.Properties.Where(p => !ProcessProperties.Names.Contains(p.Name)),
                new(CustomResourceKnownProperties.Source, spec.FileName),
                new(ProcessProperties.Path, spec.FileName),
                new(ProcessProperties.Arguments, spec.Args.ToArray()),
                new(ProcessProperties.WorkingDirectory, spec.WorkingDirectory),
                new(ProcessProperties.Pid, pid),
            ],
        });

    private Task SetExitedAsync(int exitCode) =>
        PublishAsync(snapshot => snapshot with
        {
            State = new ResourceStateSnapshot(KnownResourceStates.Exited, exitCode == 0 ? KnownResourceStateStyles.Info : KnownResourceStateStyles.Error),
            StopTimeStamp = DateTime.UtcNow,
            ExitCode = exitCode,
        });

    private Task SetStateAsync(ResourceStateSnapshot state) => PublishAsync(snapshot => snapshot with { State = state });

    /// <summary>A database shares its server's lifetime, as Aspire shows a container's children.</summary>
    private async Task PublishAsync(Func<CustomResourceSnapshot, CustomResourceSnapshot> update)
    {
        try
        {
            await host.Notifications.PublishUpdateAsync(resource, update).ConfigureAwait(false);
            foreach (var child in host.SelfAndChildren(resource).Skip(1))
            {
                await host.Notifications.PublishUpdateAsync(child, s =>
                {
                    var updated = update(s);
                    return s with { State = updated.State, StartTimeStamp = updated.StartTimeStamp, StopTimeStamp = updated.StopTimeStamp };
                }).ConfigureAwait(false);
            }
        }
        catch (ObjectDisposedException)
        {
            // The app's container is disposing this runner: its services are gone and nobody watches states any
            // more, but the process must still be stopped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _data?.Dispose();
    }
}

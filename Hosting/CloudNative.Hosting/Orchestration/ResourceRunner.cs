using System.Collections.Immutable;
using System.ComponentModel;
using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Orchestration;

/// <summary>Supervises the replicas of one resource: starts them, tracks their state, restarts crashed ones with backoff, stops them.</summary>
internal sealed class ResourceRunner(
    IResourceLauncher launcher,
    LaunchContext context,
    ResourceEndpoints endpoints,
    OrchestratorServices services)
{
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_maxBackoff = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, ChildProcess> _children = [];
    private readonly Dictionary<int, string> _replicaStates = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _replicaLoops = [];

    private IResource Resource => context.Resource;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await launcher.PrepareAsync(context, cancellationToken).ConfigureAwait(false);
        var replicas = Resource is ProjectResource project ? project.Replicas : 1;
        for (var index = 0; index < replicas; index++)
        {
            var replicaIndex = index;
            _replicaStates[replicaIndex] = KnownResourceStates.Starting;
            _replicaLoops.Add(Task.Run(() => RunReplicaAsync(replicaIndex)));
        }
    }

    /// <summary>Kills one replica as a crash would; the supervisor restarts it.</summary>
    public bool KillReplica(int pid)
    {
        lock (_gate)
        {
            var child = _children.Values.FirstOrDefault(c => c.Pid == pid);
            child?.Kill();
            return child is not null;
        }
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        ChildProcess[] children;
        lock (_gate)
        {
            children = [.. _children.Values];
        }

        var killed = await Task.WhenAll(children.Select(c => c.StopAsync(s_stopGrace))).ConfigureAwait(false);
        if (killed.Any(k => k))
        {
            context.Logger.LogWarning("Resource '{Resource}' did not stop within {Grace} s of the stop signal and was killed.", Resource.Name, s_stopGrace.TotalSeconds);
        }

        await Task.WhenAll(_replicaLoops).ConfigureAwait(false);
    }

    private async Task RunReplicaAsync(int index)
    {
        var failures = 0;
        while (!_stopping.IsCancellationRequested)
        {
            var replica = new ReplicaInstance(ReplicaIds.New(Resource.Name), endpoints.TargetPortsForNewReplica());
            ChildProcess child;
            try
            {
                var spec = await launcher.CreateProcessSpecAsync(context, replica, _stopping.Token).ConfigureAwait(false);
                child = ChildProcess.Start(spec, services.Reaper, (line, isError) => OnOutput(replica, line, isError));
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DistributedApplicationException or Win32Exception or IOException or InvalidOperationException)
            {
                services.Logs.Write(Resource.Name, replica.ReplicaId, $"Failed to start: {ex.Message}", isError: true);
                context.Logger.LogError("Resource '{Resource}' failed to start: {Message}", Resource.Name, ex.Message);
                await SetReplicaStateAsync(index, KnownResourceStates.FailedToStart, exitCode: null).ConfigureAwait(false);
                return;
            }

            var startedAt = DateTime.UtcNow;
            bool stopRequested;
            lock (_gate)
            {
                _children[index] = child;
                stopRequested = _stopping.IsCancellationRequested;
            }

            if (stopRequested)
            {
                // StopAsync took the children before this one was registered, so it is this loop's to stop.
                await child.StopAsync(s_stopGrace).ConfigureAwait(false);
            }

            endpoints.AddLive(replica);
            await SetReplicaStateAsync(index, KnownResourceStates.Running, exitCode: null).ConfigureAwait(false);
            var exitCode = await child.Exited.ConfigureAwait(false);
            endpoints.RemoveLive(replica);
            await launcher.OnReplicaExitedAsync(context, replica).ConfigureAwait(false);
            lock (_gate)
            {
                _children.Remove(index);
            }

            if (_stopping.IsCancellationRequested)
            {
                await SetReplicaStateAsync(index, KnownResourceStates.Finished, exitCode).ConfigureAwait(false);
                return;
            }

            if (exitCode == 0 || !launcher.RestartOnFailure)
            {
                await SetReplicaStateAsync(index, exitCode == 0 ? KnownResourceStates.Finished : KnownResourceStates.Exited, exitCode).ConfigureAwait(false);
                return;
            }

            await SetReplicaStateAsync(index, KnownResourceStates.Exited, exitCode).ConfigureAwait(false);
            failures = DateTime.UtcNow - startedAt > s_maxBackoff ? 1 : failures + 1;
            var backoff = TimeSpan.FromSeconds(Math.Min(s_maxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
            services.Logs.Write(Resource.Name, replica.ReplicaId, $"Exited with code {exitCode}; restarting in {backoff.TotalSeconds:0}s.", isError: true);
            try
            {
                // Backoff between restarts, not synchronisation: a crash loop must not spin.
                await Task.Delay(backoff, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await SetReplicaStateAsync(index, KnownResourceStates.Starting, exitCode: null).ConfigureAwait(false);
        }
    }

    private void OnOutput(ReplicaInstance replica, string line, bool isError)
    {
        services.Logs.Write(Resource.Name, replica.ReplicaId, line, isError);
        launcher.OnOutput(context, replica, line);
    }

    private Task SetReplicaStateAsync(int index, string state, int? exitCode)
    {
        string aggregate;
        ImmutableArray<int> pids;
        lock (_gate)
        {
            _replicaStates[index] = state;
            aggregate = AggregateState(_replicaStates.Values);
            pids = [.. _children.Values.Select(c => c.Pid)];
        }

        return services.Notifications.PublishUpdateAsync(Resource, s => s with
        {
            State = aggregate,
            ExitCode = exitCode ?? (aggregate == KnownResourceStates.Running ? null : s.ExitCode),
            ProcessIds = pids,
            StartTimeStamp = aggregate == KnownResourceStates.Running ? s.StartTimeStamp ?? DateTime.UtcNow : s.StartTimeStamp,
            StopTimeStamp = KnownResourceStates.IsTerminal(aggregate) ? DateTime.UtcNow : null,
            HealthReports = aggregate == s.State ? s.HealthReports : HealthReportsPending.For(Resource),
        });
    }

    /// <summary>The resource is as well as its least well replica.</summary>
    private static string AggregateState(IEnumerable<string> states)
    {
        string[] order = [KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Starting, KnownResourceStates.Running, KnownResourceStates.Finished];
        return states.OrderBy(s => Array.IndexOf(order, s)).First();
    }
}

using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// How one resource becomes processes on this machine. Each resource kind and run mode (project,
/// process-mode backing service, container) supplies one; the orchestrator does the rest the same way
/// for all: ports, proxies, supervision, restarts, health and logs.
/// </summary>
internal interface IResourceLauncher
{
    /// <summary>Shown to the user: project, executable, process or container.</summary>
    string Mode { get; }

    /// <summary>Whether a crashed replica is started again (with backoff).</summary>
    bool RestartOnFailure => false;

    /// <summary>One-time work before the first replica starts, such as initdb.</summary>
    Task PrepareAsync(LaunchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    Task<ProcessSpec> CreateProcessSpecAsync(LaunchContext context, ReplicaInstance replica, CancellationToken cancellationToken);

    /// <summary>
    /// Runs after a replica's process has exited, however it ended, and before its state is published: cleans up
    /// what can outlive the process, such as a container whose CLI was killed.
    /// </summary>
    Task OnReplicaExitedAsync(LaunchContext context, ReplicaInstance replica) => Task.CompletedTask;

    /// <summary>Sees each console line, for launchers that learn something from their process's output.</summary>
    void OnOutput(LaunchContext context, ReplicaInstance replica, string line)
    {
    }
}

/// <summary>What a launcher may use: the resource, where to keep data, and the AppHost's services.</summary>
internal sealed class LaunchContext(IResource resource, DistributedApplicationExecutionContext executionContext, string dataDirectory, bool ephemeralData, ILogger logger, IServiceProvider services)
{
    public IResource Resource { get; } = resource;

    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    /// <summary>Kept between runs per AppHost (like a data volume), unless the data is ephemeral.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public bool EphemeralData { get; } = ephemeralData;

    public ILogger Logger { get; } = logger;

    public IServiceProvider Services { get; } = services;
}

/// <summary>One running copy of a resource: its id (the OTel service.instance.id) and the ports it must listen on.</summary>
internal sealed class ReplicaInstance(string replicaId, IReadOnlyDictionary<string, int> targetPorts)
{
    public string ReplicaId { get; } = replicaId;

    /// <summary>Endpoint name → the port this replica listens on, behind the endpoint's proxy.</summary>
    public IReadOnlyDictionary<string, int> TargetPorts { get; } = targetPorts;
}

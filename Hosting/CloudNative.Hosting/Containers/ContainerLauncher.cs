using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Containers;

/// <summary>
/// Runs a container resource with the image, environment and ports the manifest describes. Secrets are passed
/// as <c>-e NAME</c> with the value in the CLI's own environment, so they never appear on a command line.
/// </summary>
internal sealed class ContainerLauncher(ContainerResource container, ContainerRuntime runtime) : IResourceLauncher
{
    public string Mode => "container";

    public bool RestartOnFailure => true;

    public async Task<ProcessSpec> CreateProcessSpecAsync(LaunchContext context, ReplicaInstance replica, CancellationToken cancellationToken)
    {
        var env = await ResourceValues.ResolveEnvironmentAsync(container, context.ExecutionContext, cancellationToken).ConfigureAwait(false);
        var args = await ResourceValues.ResolveArgsAsync(container, context.ExecutionContext, cancellationToken).ConfigureAwait(false);
        return new ProcessSpec(runtime.ExecutablePath, ContainerRunCommand.Build(container, replica, env.Keys, args, context.EphemeralData), env, context.DataDirectory);
    }
}

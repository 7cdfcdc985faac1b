using System.Diagnostics;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Containers;

/// <summary>
/// Runs a container resource with the image, environment and ports the manifest describes. Secrets are passed
/// as <c>-e NAME</c> with the value in the CLI's own environment, so they never appear on a command line.
/// </summary>
internal sealed class ContainerLauncher(ContainerResource container, ContainerRuntime runtime) : IResourceLauncher
{
    private static readonly TimeSpan s_removeTimeout = TimeSpan.FromSeconds(10);

    public string Mode => "container";

    public bool RestartOnFailure => true;

    public async Task<ProcessSpec> CreateProcessSpecAsync(LaunchContext context, ReplicaInstance replica, CancellationToken cancellationToken)
    {
        var env = await ResourceValues.ResolveEnvironmentAsync(container, context.ExecutionContext, cancellationToken).ConfigureAwait(false);
        var args = await ResourceValues.ResolveArgsAsync(container, context.ExecutionContext, cancellationToken).ConfigureAwait(false);
        return new ProcessSpec(runtime.ExecutablePath, ContainerRunCommand.Build(container, replica, env.Keys, args, context.EphemeralData), env, context.DataDirectory);
    }

    /// <summary>
    /// <c>--rm</c> removes a container that stopped with its CLI; a CLI killed after the stop grace leaves its
    /// container running, so remove it by name. "No such container" is the usual, harmless answer.
    /// </summary>
    public async Task OnReplicaExitedAsync(LaunchContext context, ReplicaInstance replica)
    {
        using var remove = Process.Start(new ProcessStartInfo(runtime.ExecutablePath, ["rm", "-f", replica.ReplicaId])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(s_removeTimeout);
        try
        {
            await remove.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            remove.Kill(entireProcessTree: true);
            context.Logger.LogWarning("'{Runtime} rm -f {Container}' did not finish within {Seconds} s; the container may still be running.", runtime.Name, replica.ReplicaId, s_removeTimeout.TotalSeconds);
        }
    }
}

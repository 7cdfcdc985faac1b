using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Orchestration;

internal sealed class ExecutableLauncher(ExecutableResource executable) : IResourceLauncher
{
    public string Mode => "executable";

    public async Task<ProcessSpec> CreateProcessSpecAsync(LaunchContext context, ReplicaInstance replica, CancellationToken cancellationToken)
    {
        var env = await ResourceValues.ResolveEnvironmentAsync(executable, context.ExecutionContext, cancellationToken).ConfigureAwait(false);
        var args = await ResourceValues.ResolveArgsAsync(executable, context.ExecutionContext, cancellationToken).ConfigureAwait(false);
        return new ProcessSpec(executable.Command, args, env, executable.WorkingDirectory);
    }
}

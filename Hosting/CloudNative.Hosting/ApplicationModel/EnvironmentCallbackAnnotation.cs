namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Adds environment variables when a resource is started or written to the manifest.</summary>
public sealed class EnvironmentCallbackAnnotation(Func<EnvironmentCallbackContext, Task> callback) : IResourceAnnotation
{
    public EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback)
        : this(context => { callback(context); return Task.CompletedTask; })
    {
    }

    public Func<EnvironmentCallbackContext, Task> Callback { get; } = callback;
}

/// <summary>
/// Values are strings, or value providers (<see cref="ReferenceExpression"/>, <see cref="EndpointReference"/>,
/// parameters) that resolve to real values in run mode and to placeholders in the manifest.
/// </summary>
public sealed class EnvironmentCallbackContext(
    DistributedApplicationExecutionContext executionContext,
    IResource resource,
    Dictionary<string, object>? environmentVariables = null,
    CancellationToken cancellationToken = default)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public IResource Resource { get; } = resource;

    public Dictionary<string, object> EnvironmentVariables { get; } = environmentVariables ?? [];

    public CancellationToken CancellationToken { get; } = cancellationToken;
}

namespace CloudNative.Hosting.ApplicationModel;

public sealed class CommandLineArgsCallbackAnnotation(Func<CommandLineArgsCallbackContext, Task> callback) : IResourceAnnotation
{
    public CommandLineArgsCallbackAnnotation(Action<List<object>> callback)
        : this(context => { callback(context.Args); return Task.CompletedTask; })
    {
    }

    public Func<CommandLineArgsCallbackContext, Task> Callback { get; } = callback;
}

/// <summary>Args are strings or value providers, as for environment variables.</summary>
public sealed class CommandLineArgsCallbackContext(
    DistributedApplicationExecutionContext executionContext,
    IResource resource,
    List<object>? args = null,
    CancellationToken cancellationToken = default)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    public IResource Resource { get; } = resource;

    public List<object> Args { get; } = args ?? [];

    public CancellationToken CancellationToken { get; } = cancellationToken;
}

namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Runs once a resource is first healthy (Aspire's ResourceReadyEvent), whatever mode it runs in.</summary>
public sealed class ResourceReadyAnnotation(Func<ResourceReadyContext, CancellationToken, Task> callback) : IResourceAnnotation
{
    public Func<ResourceReadyContext, CancellationToken, Task> Callback { get; } = callback;
}

/// <param name="Mode">How the resource runs: process, container or existing.</param>
public sealed record ResourceReadyContext(IResource Resource, IServiceProvider Services, string Mode);

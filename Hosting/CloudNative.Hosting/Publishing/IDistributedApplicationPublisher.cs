using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Publishing;

/// <summary>Writes the model out (the manifest, Kubernetes, Compose) instead of running it.</summary>
public interface IDistributedApplicationPublisher
{
    /// <summary>The value of <c>--publisher</c> that selects this publisher.</summary>
    string Name { get; }

    Task PublishAsync(IReadOnlyList<IResource> resources, PublishingContext context, CancellationToken cancellationToken);
}

public sealed record PublishingContext(string? OutputPath, string AppHostDirectory, DistributedApplicationExecutionContext ExecutionContext);

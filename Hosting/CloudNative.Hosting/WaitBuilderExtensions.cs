using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting;

/// <summary>WaitFor and WaitForCompletion: the start order, with Aspire's semantics (aspire-contracts §7.4).</summary>
public static class WaitBuilderExtensions
{
    /// <summary>Start only after every replica of <paramref name="dependency"/> is Running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, WaitBehavior waitBehavior = WaitBehavior.StopOnResourceUnavailable)
        where T : IResourceWithWaitSupport =>
        builder.WithWait(dependency.Resource, WaitType.WaitUntilHealthy, 0, waitBehavior);

    /// <summary>Start only after <paramref name="dependency"/> has finished with <paramref name="exitCode"/>.</summary>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, int exitCode = 0)
        where T : IResourceWithWaitSupport =>
        builder.WithWait(dependency.Resource, WaitType.WaitForCompletion, exitCode, WaitBehavior.StopOnResourceUnavailable);

    private static IResourceBuilder<T> WithWait<T>(this IResourceBuilder<T> builder, IResource dependency, WaitType waitType, int exitCode, WaitBehavior behavior)
        where T : IResource
    {
        if (ReferenceEquals(builder.Resource, dependency))
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' cannot wait for itself. Remove the WaitFor call.");
        }

        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(dependency, "WaitFor"))
            .WithAnnotation(new WaitAnnotation(dependency, waitType, exitCode, behavior));
    }
}

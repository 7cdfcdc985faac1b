using Aspire.Hosting.ApplicationModel;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>Container settings that have no meaning for a local process, whatever the resource.</summary>
internal static class UnsupportedContainerOptions
{
    public static IEnumerable<string> Describe(IResource resource)
    {
        if (resource.TryGetLastAnnotation<ContainerLifetimeAnnotation>(out var lifetime) && lifetime.Lifetime == ContainerLifetime.Persistent)
        {
            yield return "WithLifetime(ContainerLifetime.Persistent): the process stops with the AppHost (a data volume keeps its data).";
        }

        if (resource.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>().Any())
        {
            yield return "WithContainerRuntimeArgs: there is no container runtime.";
        }

        if (resource.TryGetLastAnnotation<ContainerNameAnnotation>(out var name))
        {
            yield return $"WithContainerName(\"{name.Name}\"): there is no container.";
        }
    }
}

using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Orchestration;

/// <summary>The WaitFor edges of the model: who waits for whom.</summary>
internal static class WaitGraph
{
    public static IEnumerable<IResource> DependenciesOf(IResource resource) =>
        resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource).Distinct();

    /// <summary>The first cycle found, as a path that starts and ends with the same resource; null if there is none.</summary>
    public static IReadOnlyList<IResource>? FindCycle(IEnumerable<IResource> resources)
    {
        var state = new Dictionary<IResource, bool>(ReferenceEqualityComparer.Instance);
        var path = new List<IResource>();
        foreach (var resource in resources)
        {
            if (Visit(resource, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    /// <summary>Depth-first: a resource seen on the current path (state false) closes a cycle.</summary>
    private static List<IResource>? Visit(IResource resource, Dictionary<IResource, bool> state, List<IResource> path)
    {
        if (state.TryGetValue(resource, out var done))
        {
            return done ? null : [.. path.SkipWhile(r => !ReferenceEquals(r, resource)), resource];
        }

        state[resource] = false;
        path.Add(resource);
        foreach (var dependency in DependenciesOf(resource))
        {
            if (Visit(dependency, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[resource] = true;
        return null;
    }
}

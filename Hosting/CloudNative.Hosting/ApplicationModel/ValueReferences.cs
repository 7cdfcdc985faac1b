namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Finds the resources a value depends on, through nested expressions, endpoints and parameters.</summary>
public static class ValueReferences
{
    public static IEnumerable<IResource> ResourcesOf(object value)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([value]);
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            if (current is IResource resource)
            {
                yield return resource;
            }

            // A resource's own connection string refers to the resource itself, so only walk non-resources.
            if (current is IValueWithReferences { } withReferences && current is not IResource)
            {
                foreach (var reference in withReferences.References)
                {
                    pending.Push(reference);
                }
            }
        }
    }
}

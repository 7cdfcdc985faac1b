using System.Collections.ObjectModel;

namespace CloudNative.Hosting.ApplicationModel;

public interface IResourceAnnotation;

public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>;

public static class ResourceAnnotationExtensions
{
    public static bool TryGetLastAnnotation<T>(this IResource resource, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? annotation)
        where T : class, IResourceAnnotation
    {
        annotation = resource.Annotations.OfType<T>().LastOrDefault();
        return annotation is not null;
    }
}

using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting;

/// <summary>What the deployment manifest includes.</summary>
public static class ManifestBuilderExtensions
{
    public static IResourceBuilder<T> ExcludeFromManifest<T>(this IResourceBuilder<T> builder) where T : IResource =>
        builder.WithAnnotation(new ManifestExclusionAnnotation());
}

using Aspire.Hosting.ApplicationModel;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>
/// A resource's data on this machine. A data volume becomes a directory named after the volume (so data stays
/// per AppHost between runs, as Aspire's volumes do), a bind mount is used as it is, and anything else is a
/// temporary directory removed when the app stops.
/// </summary>
public sealed class LocalDataDirectory : IDisposable
{
    private LocalDataDirectory(string path, bool isPersistent)
    {
        Path = path;
        IsPersistent = isPersistent;
        Directory.CreateDirectory(path);
    }

    public string Path { get; }

    public bool IsPersistent { get; }

    /// <param name="dataTarget">The container path of the resource's data (e.g. /var/lib/postgresql/data); other mounts are not data.</param>
    internal static LocalDataDirectory For(IResource resource, string? dataTarget, LocalProcessOptions options)
    {
        var mount = resource.Annotations.OfType<ContainerMountAnnotation>().LastOrDefault(m => m.Target == dataTarget && m.Source is not null);
        return (mount, options.Ephemeral) switch
        {
            ({ Type: ContainerMountType.Volume } volume, false) => new(System.IO.Path.Combine(options.VolumeRoot, volume.Source!), isPersistent: true),
            ({ Type: ContainerMountType.BindMount } bind, false) => new(System.IO.Path.GetFullPath(bind.Source!), isPersistent: true),
            _ => new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cloudnative-{resource.Name}-{Guid.NewGuid():N}"), isPersistent: false),
        };
    }

    public void Dispose()
    {
        if (!IsPersistent && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

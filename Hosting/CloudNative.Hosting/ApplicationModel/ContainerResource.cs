namespace CloudNative.Hosting.ApplicationModel;

/// <summary>
/// A resource defined by a container image. In process mode, backing services derived from it run
/// from local binaries instead; the image still describes it in the manifest and in container mode.
/// </summary>
public class ContainerResource(string name, string? entrypoint = null)
    : Resource(name), IResourceWithEnvironment, IResourceWithArgs, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public string? Entrypoint { get; set; } = entrypoint;
}

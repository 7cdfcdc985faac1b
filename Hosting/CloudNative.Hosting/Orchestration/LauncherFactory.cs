using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Containers;
using Microsoft.Extensions.Configuration;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// Chooses how each resource runs here. Backing services: <c>existing</c> when
/// <c>ConnectionStrings:{name}</c> is configured (nothing is started), <c>container</c> when a container
/// runtime answers, else <c>process</c> from local binaries.
/// </summary>
/// <param name="binarySearchDirectories">Where process-mode binaries are looked for; null means PATH and the usual places (tests override it).</param>
internal sealed class LauncherFactory(IConfiguration configuration, IServiceProvider services, string buildConfiguration, IReadOnlyList<string>? binarySearchDirectories = null)
{
    private readonly Lazy<ContainerRuntime?> _runtime = new(() => ContainerRuntime.Detect(configuration));

    public const string ExistingMode = "existing";

    /// <summary>Null means the resource starts no process (parameters, connection strings, existing services, child resources).</summary>
    public IResourceLauncher? Create(IResource resource) => resource switch
    {
        ProjectResource project => new ProjectLauncher(project, configuration, buildConfiguration),
        ExecutableResource executable => new ExecutableLauncher(executable),
        ContainerResource container when IsExisting(container) => null,
        ContainerResource container when _runtime.Value is { } runtime => new ContainerLauncher(container, runtime),
        IProcessModeResource processMode => processMode.CreateProcessLauncher(services),
        ContainerResource container => throw new DistributedApplicationException(
            $"Resource '{container.Name}' needs a container runtime, and neither docker nor podman answers. Start a container engine, or set ConnectionStrings__{container.Name} to use an existing service."),
        _ => null,
    };

    public string ModeOf(IResource resource) => resource switch
    {
        ProjectResource => "project",
        ExecutableResource => "executable",
        ContainerResource container when IsExisting(container) => ExistingMode,
        ContainerResource when _runtime.Value is not null => "container",
        IProcessModeResource => "process",
        IResourceWithParent child => ModeOf(child.Parent),
        _ => "value",
    };

    /// <summary>Fails fast, before anything starts, when a process-mode binary is missing.</summary>
    public void ThrowIfBinariesMissing(IEnumerable<IResource> resources)
    {
        foreach (var resource in resources.OfType<IProcessModeResource>().Where(r => ModeOf(r) == "process"))
        {
            foreach (var binary in resource.RequiredBinaries.Where(b => ExecutableLocator.Find(b.Name, binarySearchDirectories) is null))
            {
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' runs in process mode (no container runtime answers), but '{binary.Name}' was not found on PATH. {binary.InstallHint} Or set ConnectionStrings__{resource.Name} to use an existing service.");
            }
        }
    }

    private bool IsExisting(IResource resource) =>
        resource is IResourceWithConnectionString && !string.IsNullOrEmpty(configuration[$"ConnectionStrings:{resource.Name}"]);
}

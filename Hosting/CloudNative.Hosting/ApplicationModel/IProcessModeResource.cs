using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.ApplicationModel;

/// <summary>A backing service that can run from local binaries when no container runtime answers.</summary>
internal interface IProcessModeResource : IResource
{
    /// <summary>The binaries process mode needs, each with how to install it.</summary>
    IEnumerable<RequiredBinary> RequiredBinaries { get; }

    IResourceLauncher CreateProcessLauncher(IServiceProvider services);
}

internal sealed record RequiredBinary(string Name, string InstallHint);

using Aspire.Hosting.ApplicationModel;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>How one kind of container resource runs as a local process when no container engine answers.</summary>
public interface ILocalProcessRecipe
{
    /// <summary>Binaries that must be on the machine, each with the way to get it, checked before anything starts.</summary>
    IReadOnlyList<RequiredBinary> RequiredBinaries { get; }

    /// <summary>The container path of the resource's data; a volume or bind mount there becomes the process's data directory.</summary>
    string? DataMountTarget => null;

    /// <summary>One-time preparation before each start (initdb, say); must be safe to repeat.</summary>
    Task PrepareAsync(LocalProcessContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// The endpoint whose port accepting connections means the process is up: the resource is shown Starting until then,
    /// so its health check, and everything that waits for it, is not run against a process still opening its port.
    /// Null: Running as soon as the process has started.
    /// </summary>
    string? ListeningEndpointName => null;

    Task<ProcessSpec> CreateProcessSpecAsync(LocalProcessContext context, CancellationToken cancellationToken);

    /// <summary>Settings of the resource that a local process cannot honour: each is named once in the resource's log.</summary>
    IEnumerable<string> DescribeUnsupportedOptions(IResource resource) => [];
}

/// <summary>A binary a recipe needs, and what to do when it is missing.</summary>
public sealed record RequiredBinary(string Name, string InstallHint);

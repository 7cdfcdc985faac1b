using Aspire.Hosting.ApplicationModel;
using CloudNative.Hosting.LocalProcesses.Processes;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>What a recipe gets to start its resource: the data directory, the allocated ports and the resource's log.</summary>
public sealed class LocalProcessContext
{
    private readonly LocalDataDirectory data;

    internal LocalProcessContext(IResource resource, LocalDataDirectory data, string cacheDirectory, ILogger log, IServiceProvider services, ProcessTreeReaper reaper)
    {
        CacheDirectory = cacheDirectory;
        Resource = resource;
        this.data = data;
        Log = log;
        Services = services;
        Reaper = reaper;
    }

    public IResource Resource { get; }

    /// <summary>Kept between runs when the resource has a data volume or bind mount; otherwise removed when the app stops.</summary>
    public string DataDirectory => data.Path;

    public bool IsPersistent => data.IsPersistent;

    /// <summary>Shared by every run of every AppHost of this user (LocalProcesses:CacheRoot); may not exist yet.</summary>
    public string CacheDirectory { get; }

    public ILogger Log { get; }

    public IServiceProvider Services { get; }

    internal ProcessTreeReaper Reaper { get; }

    /// <summary>The port the process listens on: the endpoint's allocated port (a local process is never proxied).</summary>
    public int PortOf(string endpointName) =>
        Resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpointName).AllocatedEndpoint?.Port
            ?? throw new InvalidOperationException($"Resource '{Resource.Name}': endpoint '{endpointName}' has no allocated port.");
}

using System.Collections.Immutable;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudNative.Hosting.ApplicationModel;

/// <summary>What the orchestrator knows about a resource at one moment; published on every change.</summary>
public sealed record CustomResourceSnapshot
{
    public required string ResourceType { get; init; }

    public string? State { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>How the resource runs here: project, executable, process, container or existing.</summary>
    public string? Mode { get; init; }

    public DateTime? StartTimeStamp { get; init; }

    public DateTime? StopTimeStamp { get; init; }

    /// <summary>Null until the first check returns; a check without a result counts as unhealthy.</summary>
    public ImmutableArray<HealthReportSnapshot> HealthReports { get; init; } = [];

    public ImmutableArray<UrlSnapshot> Urls { get; init; } = [];

    public ImmutableArray<ResourcePropertySnapshot> Properties { get; init; } = [];

    public ImmutableArray<EnvironmentVariableSnapshot> EnvironmentVariables { get; init; } = [];

    /// <summary>The operating-system processes of every live replica.</summary>
    public ImmutableArray<int> ProcessIds { get; init; } = [];

    /// <summary>Aspire's rule: null unless Running; Running without checks is Healthy; else the worst report.</summary>
    public HealthStatus? HealthStatus
    {
        get
        {
            if (State != KnownResourceStates.Running)
            {
                return null;
            }

            return HealthReports.IsEmpty
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                : HealthReports.Min(r => r.Status ?? Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);
        }
    }
}

public sealed record HealthReportSnapshot(string Name, HealthStatus? Status, string? Description, string? ExceptionText);

public sealed record UrlSnapshot(string Name, string Url, bool IsInternal);

public sealed record ResourcePropertySnapshot(string Name, object? Value);

public sealed record EnvironmentVariableSnapshot(string Name, string? Value, bool IsFromSpec);

public sealed record ResourceEvent(IResource Resource, string ResourceId, CustomResourceSnapshot Snapshot);

using System.Collections.Immutable;
using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Orchestration;

/// <summary>A report per health check with no result yet, so a fresh Running state is not mistaken for Healthy.</summary>
internal static class HealthReportsPending
{
    public static ImmutableArray<HealthReportSnapshot> For(IResource resource) =>
        [.. resource.Annotations.OfType<HealthCheckAnnotation>().Select(a => new HealthReportSnapshot(a.Key, null, null, null))];
}

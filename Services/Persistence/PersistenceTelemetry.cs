using System.Diagnostics;

namespace CloudNative.Persistence;

/// <summary>The spans of start-up schema work: one per database, with its migrate and seed steps as children.</summary>
public static class PersistenceTelemetry
{
    public const string ActivitySourceName = "CloudNative.Persistence";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName);
}

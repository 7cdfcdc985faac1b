namespace CloudNative.Hosting.LocalProcesses;

/// <summary>Bound from the AppHost's configuration section <c>LocalProcesses</c> (e.g. <c>LocalProcesses__Mode=Always</c>).</summary>
public sealed class LocalProcessOptions
{
    public const string SectionName = "LocalProcesses";

    public LocalProcessMode Mode { get; set; } = LocalProcessMode.Auto;

    /// <summary>Ignore data volumes and keep every data directory temporary (tests).</summary>
    public bool Ephemeral { get; set; }

    /// <summary>
    /// Where data volumes live, one directory per volume name: one root per user, so users of one machine never share
    /// (or lock each other out of) data. Not a home directory: the postgres user must reach it when the AppHost is root.
    /// </summary>
    public string VolumeRoot { get; set; } = $"/var/tmp/cloudnative-{Environment.UserName}/volumes";

    /// <summary>
    /// Where recipes keep what is the same for every data directory (an initialized but empty Postgres cluster), so a
    /// new data directory, and every test run's, costs a copy instead of the work. Safe to delete at any time.
    /// </summary>
    public string CacheRoot { get; set; } = $"/var/tmp/cloudnative-{Environment.UserName}/cache";
}

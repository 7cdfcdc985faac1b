namespace CloudNative.Hosting.LocalProcesses;

public enum LocalProcessMode
{
    /// <summary>Local processes when no container runtime answers, the stock containers otherwise.</summary>
    Auto,

    /// <summary>Local processes even when a container runtime answers.</summary>
    Always,

    /// <summary>Never: the resources stay containers, as Aspire runs them.</summary>
    Never,
}

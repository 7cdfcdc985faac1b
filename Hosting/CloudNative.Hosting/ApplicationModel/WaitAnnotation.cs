namespace CloudNative.Hosting.ApplicationModel;

public enum WaitType
{
    /// <summary>Wait until every replica is Running and healthy (WaitFor).</summary>
    WaitUntilHealthy,

    /// <summary>Wait until the resource has finished with the expected exit code (WaitForCompletion).</summary>
    WaitForCompletion,
}

public enum WaitBehavior
{
    /// <summary>Fail the wait as soon as the dependency reaches a terminal or unhealthy state (Aspire's default).</summary>
    StopOnResourceUnavailable,

    /// <summary>Keep waiting through failures.</summary>
    WaitOnResourceUnavailable,
}

public sealed record WaitAnnotation(IResource Resource, WaitType WaitType, int ExitCode = 0, WaitBehavior WaitBehavior = WaitBehavior.StopOnResourceUnavailable) : IResourceAnnotation;

namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Aspire's resource state names (aspire-contracts §7.2).</summary>
public static class KnownResourceStates
{
    public const string Hidden = nameof(Hidden);
    public const string Starting = nameof(Starting);
    public const string Running = nameof(Running);
    public const string FailedToStart = nameof(FailedToStart);
    public const string RuntimeUnhealthy = nameof(RuntimeUnhealthy);
    public const string Stopping = nameof(Stopping);
    public const string Exited = nameof(Exited);
    public const string Finished = nameof(Finished);
    public const string Waiting = nameof(Waiting);
    public const string NotStarted = nameof(NotStarted);
    public const string Building = nameof(Building);
    public const string Active = nameof(Active);

    public static readonly IReadOnlyList<string> TerminalStates = [Finished, FailedToStart, Exited];

    public static bool IsTerminal(string? state) => state is not null && TerminalStates.Contains(state);
}

public static class KnownResourceTypes
{
    public const string Executable = nameof(Executable);
    public const string Project = nameof(Project);
    public const string Container = nameof(Container);
    public const string Parameter = nameof(Parameter);
    public const string ConnectionString = nameof(ConnectionString);
}

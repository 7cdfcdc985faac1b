namespace CloudNative.Hosting.Tests.TestSupport;

/// <summary>
/// Tests that look at a port the moment after a socket on it is closed run alone. A process started by a parallel
/// test holds a copy of every open socket between fork and exec, so for that moment a closed listener still listens.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SocketStateCollection
{
    public const string Name = "Socket state";
}

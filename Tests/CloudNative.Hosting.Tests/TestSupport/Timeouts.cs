namespace CloudNative.Hosting.Tests.TestSupport;

/// <summary>Upper bounds for awaited states: a test that hits one has failed, it does not wait for it to pass.</summary>
internal static class Timeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);
}

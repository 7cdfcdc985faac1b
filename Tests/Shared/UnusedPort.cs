using CloudNative.Hosting.Orchestration;

namespace CloudNative.Testing;

/// <summary>
/// A port for a test that names one up front, from the AppHost's own allocator: below the ephemeral range, where a
/// parallel test that binds port 0 or connects cannot be handed it between the probe and its use.
/// </summary>
internal static class UnusedPort
{
    private static readonly PortAllocator Ports = new();

    public static int Next() => Ports.Allocate();
}

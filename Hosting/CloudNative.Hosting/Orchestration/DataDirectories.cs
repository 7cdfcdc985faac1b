using System.Security.Cryptography;
using System.Text;

namespace CloudNative.Hosting.Orchestration;

/// <summary>
/// Where backing services keep data: per AppHost under /var/tmp (kept across runs, like Aspire's data volumes,
/// and reachable by the postgres user, unlike a home directory), or a temporary root removed on shutdown.
/// </summary>
internal sealed class DataDirectories(string appHostDirectory, bool ephemeral) : IDisposable
{
    private readonly string _root = ephemeral
        ? Path.Combine(Path.GetTempPath(), $"cloudnative-{Guid.NewGuid():N}")
        : Path.Combine("/var/tmp/cloudnative", AppHostHash(appHostDirectory));

    public bool Ephemeral { get; } = ephemeral;

    public string For(string resourceName)
    {
        var directory = Path.Combine(_root, resourceName);
        Directory.CreateDirectory(directory);
        return directory;
    }

    public void Dispose()
    {
        if (Ephemeral && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Aspire's volume-name hash: SHA-256 of the lower-cased AppHost path, first 10 hex digits.</summary>
    internal static string AppHostHash(string appHostDirectory) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appHostDirectory.ToLowerInvariant())))[..10];
}

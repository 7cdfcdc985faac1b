using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.LocalProcesses.Postgres;

/// <summary>
/// An initialized, empty cluster kept in the cache, one per PostgreSQL build and superuser name: initdb's output
/// depends on nothing else we vary, so a new data directory is a copy of it (a tenth of initdb's time here) and the
/// password is set on the copy. Two AppHosts racing to build it each build their own and one rename wins.
/// </summary>
internal static class PostgresClusterTemplate
{
    /// <summary>Part of the cache key: bump it when initdb's options below change, so an old template is not reused.</summary>
    private const string InitdbOptionsVersion = "1";

    public delegate Task RunInitdb(string dataPath, string passwordFile, CancellationToken cancellationToken);

    /// <returns>The template's cluster directory, ready to be copied.</returns>
    public static async Task<string> EnsureAsync(LocalProcessContext context, string initdbPath, string userName, string? runAsUser, RunInitdb initdb, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{initdbPath}|{File.GetLastWriteTimeUtc(initdbPath):O}|{userName}|{InitdbOptionsVersion}")))[..16];
        var template = Path.Combine(context.CacheDirectory, $"postgres-{key}");
        var cluster = Path.Combine(template, "pgdata");
        if (File.Exists(Path.Combine(cluster, "PG_VERSION")))
        {
            return cluster;
        }

        var building = $"{template}.{Guid.NewGuid():N}.tmp";
        Directory.CreateDirectory(building);
        try
        {
            // The template's own password is never used: every copy gets the resource's password before it starts.
            var passwordFile = Path.Combine(building, "initdb.pw");
            await File.WriteAllTextAsync(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), cancellationToken).ConfigureAwait(false);
            if (runAsUser is { } user)
            {
                await Processes.PosixUser.ChownAsync(building, user, cancellationToken).ConfigureAwait(false);
            }

            var clock = Stopwatch.StartNew();
            await initdb(Path.Combine(building, "pgdata"), passwordFile, cancellationToken).ConfigureAwait(false);
            File.Delete(passwordFile);
            try
            {
                Directory.Move(building, template);
                context.Log.LogInformation("Initialized the cluster template {Template} in {Milliseconds:0} ms; new data directories copy it.", template, clock.Elapsed.TotalMilliseconds);
            }
            catch (IOException) when (File.Exists(Path.Combine(cluster, "PG_VERSION")))
            {
                // Another AppHost finished first; its template is as good as ours.
            }
        }
        finally
        {
            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }
        }

        return cluster;
    }

    /// <summary><c>cp -a</c> keeps the owner and the modes that postgres insists on (0700, owned by the server's user).</summary>
    public static async Task CopyAsync(string cluster, string dataPath, CancellationToken cancellationToken)
    {
        using var cp = Process.Start(new ProcessStartInfo("cp") { ArgumentList = { "-a", cluster, dataPath }, UseShellExecute = false, RedirectStandardError = true })
            ?? throw new DistributedApplicationException("cp did not start.");
        var error = await cp.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await cp.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (cp.ExitCode != 0)
        {
            throw new DistributedApplicationException($"Could not copy the cluster template {cluster} to {dataPath}: {error.Trim()}");
        }
    }
}

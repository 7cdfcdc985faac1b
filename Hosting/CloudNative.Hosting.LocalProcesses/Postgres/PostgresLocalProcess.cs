using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.ApplicationModel;
using CloudNative.Hosting.LocalProcesses.Processes;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.LocalProcesses.Postgres;

/// <summary>
/// A copy of an initdb'd cluster template once per data directory (<see cref="PostgresClusterTemplate"/>), then <c>postgres</c> on loopback with scram-sha-256 for every
/// connection, as the postgres user when the AppHost runs as root (PostgreSQL refuses root). The password goes
/// through a file readable by its owner only, never a command line.
/// </summary>
internal sealed class PostgresLocalProcess(PostgresServerResource server) : ILocalProcessRecipe
{
    private const string ServiceUser = "postgres";
    private const string DefaultUserName = "postgres";
    private const string PasswordMarkerFile = "password.sha256";
    private const string InstallHint = "Install PostgreSQL with 'sudo apt-get install -y postgresql' (./build.sh does this).";

    public IReadOnlyList<RequiredBinary> RequiredBinaries { get; } = [new("initdb", InstallHint), new("postgres", InstallHint)];

    public string? DataMountTarget =>
        server.Annotations.OfType<ContainerMountAnnotation>().Select(m => m.Target).FirstOrDefault(t => t.StartsWith("/var/lib/postgresql", StringComparison.Ordinal));

    private static string? RunAsUser => PosixUser.IsRoot ? ServiceUser : null;

    public IEnumerable<string> DescribeUnsupportedOptions(IResource resource) =>
        resource.Annotations.OfType<ContainerMountAnnotation>()
            .Where(m => m.Target == "/docker-entrypoint-initdb.d")
            .Select(_ => "WithInitFiles: the scripts are for the container's entrypoint; run them from the service's migrations instead.");

    public async Task PrepareAsync(LocalProcessContext context, CancellationToken cancellationToken)
    {
        if (RunAsUser is { } user)
        {
            await PosixUser.ChownAsync(context.DataDirectory, user, cancellationToken).ConfigureAwait(false);
        }

        var password = await server.PasswordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        if (!File.Exists(Path.Combine(DataPath(context), "PG_VERSION")))
        {
            await CreateClusterAsync(context, cancellationToken).ConfigureAwait(false);
            await SetPasswordAsync(context, password, cancellationToken).ConfigureAwait(false);
        }
        else if (ReadMarker(context) != Hash(password))
        {
            context.Log.LogWarning("The password changed since the data was created (user secrets cleared?): setting the new one on the existing data.");
            await SetPasswordAsync(context, password, cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(Path.Combine(context.DataDirectory, PasswordMarkerFile), Hash(password), cancellationToken).ConfigureAwait(false);
    }

    public string ListeningEndpointName => server.PrimaryEndpoint.EndpointName;

    public Task<ProcessSpec> CreateProcessSpecAsync(LocalProcessContext context, CancellationToken cancellationToken)
    {
        var port = context.PortOf(server.PrimaryEndpoint.EndpointName).ToString(CultureInfo.InvariantCulture);
        // No Unix socket (-k ""): clients use TCP, and a socket path over 107 bytes (a deep VolumeRoot) would keep postgres from starting.
        return Task.FromResult(Spec(context, "postgres",
            ["-D", DataPath(context), "-p", port, "-k", "", "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"]) with
        {
            StopSignal = PosixSignals.SIGINT,
        });
    }

    private async Task CreateClusterAsync(LocalProcessContext context, CancellationToken cancellationToken)
    {
        var dataPath = DataPath(context);
        if (Directory.Exists(dataPath))
        {
            // No PG_VERSION: what is there is an earlier start that stopped half way, not a cluster.
            Directory.Delete(dataPath, recursive: true);
        }

        var userName = await UserNameAsync(cancellationToken).ConfigureAwait(false);
        var template = await PostgresClusterTemplate.EnsureAsync(context, ExecutableLocator.Find("initdb")!, userName, RunAsUser,
            (path, passwordFile, ct) => RunAsync(context, Spec(context, "initdb",
                ["-D", path, "-U", userName, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--no-instructions"]), ct),
            cancellationToken).ConfigureAwait(false);
        await PostgresClusterTemplate.CopyAsync(template, dataPath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Single-user mode needs no authentication, so the password can be set without a server or the old password.</summary>
    private async Task SetPasswordAsync(LocalProcessContext context, string password, CancellationToken cancellationToken)
    {
        var userName = await UserNameAsync(cancellationToken).ConfigureAwait(false);
        var statement = $"ALTER USER \"{userName.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}';\n";
        await RunAsync(context, Spec(context, "postgres", ["--single", "-D", DataPath(context), "postgres"]) with { StandardInput = statement }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> UserNameAsync(CancellationToken cancellationToken) =>
        server.UserNameParameter is { } user ? await user.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? DefaultUserName : DefaultUserName;

    private static Task RunAsync(LocalProcessContext context, ProcessSpec spec, CancellationToken cancellationToken) =>
        ChildProcess.RunToCompletionAsync(spec, context.Reaper, (line, _) => context.Log.LogInformation("{Line}", line), context.Resource.Name, cancellationToken);

    private static ProcessSpec Spec(LocalProcessContext context, string binary, IReadOnlyList<string> args) =>
        new(ExecutableLocator.Find(binary)!, args, new Dictionary<string, string> { ["LC_ALL"] = "C.UTF-8" }, context.DataDirectory) { RunAsUser = RunAsUser };

    private static string DataPath(LocalProcessContext context) => Path.Combine(context.DataDirectory, "pgdata");

    private static string? ReadMarker(LocalProcessContext context)
    {
        var path = Path.Combine(context.DataDirectory, PasswordMarkerFile);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static string Hash(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CloudNative.Hosting.Orchestration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.Postgres;

/// <summary>
/// Process mode: <c>initdb</c> once per data directory, then <c>postgres</c> on loopback with scram-sha-256 for
/// every connection, as the postgres user when the AppHost runs as root (PostgreSQL refuses root).
/// </summary>
internal sealed class PostgresProcessLauncher(PostgresServerResource server) : IResourceLauncher
{
    private const string ServiceUser = "postgres";
    private const string PasswordMarkerFile = "password.sha256";

    public string Mode => "process";

    public bool RestartOnFailure => true;

    private static string? RunAsUser => PosixUser.IsRoot ? ServiceUser : null;

    public async Task PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        if (RunAsUser is { } user)
        {
            await PosixUser.ChownAsync(context.DataDirectory, user, cancellationToken).ConfigureAwait(false);
        }

        var password = server.PasswordParameter.Value;
        var dataDirectory = DataPath(context);
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(context, password, cancellationToken).ConfigureAwait(false);
        }
        else if (ReadMarker(context) != Hash(password))
        {
            await ResetPasswordAsync(context, password, cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(Path.Combine(context.DataDirectory, PasswordMarkerFile), Hash(password), cancellationToken).ConfigureAwait(false);
    }

    public Task<ProcessSpec> CreateProcessSpecAsync(LaunchContext context, ReplicaInstance replica, CancellationToken cancellationToken)
    {
        var port = replica.TargetPorts[PostgresServerResource.PrimaryEndpointName].ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(Spec(context, ExecutableLocator.Find("postgres")!,
            ["-D", DataPath(context), "-p", port, "-k", context.DataDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"]) with
        {
            StopSignal = PosixSignals.SIGINT,
        });
    }

    private async Task InitializeAsync(LaunchContext context, string password, CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(context.DataDirectory, "initdb.pw");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            if (RunAsUser is { } user)
            {
                await PosixUser.ChownAsync(context.DataDirectory, user, cancellationToken).ConfigureAwait(false);
            }

            var userName = server.UserNameParameter?.Value ?? PostgresServerResource.DefaultUserName;
            await RunAsync(context, Spec(context, ExecutableLocator.Find("initdb")!,
                ["-D", DataPath(context), "-U", userName, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--no-sync", "--no-instructions"]), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// The data directory outlived the password (user secrets were cleared): single-user mode needs no
    /// authentication, so set the current password there rather than lose the data.
    /// </summary>
    private async Task ResetPasswordAsync(LaunchContext context, string password, CancellationToken cancellationToken)
    {
        var userName = server.UserNameParameter?.Value ?? PostgresServerResource.DefaultUserName;
        var statement = $"ALTER USER \"{userName.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}';\n";
        await RunAsync(context, Spec(context, ExecutableLocator.Find("postgres")!, ["--single", "-D", DataPath(context), "postgres"]) with { StandardInput = statement }, cancellationToken).ConfigureAwait(false);
    }

    private Task RunAsync(LaunchContext context, ProcessSpec spec, CancellationToken cancellationToken)
    {
        var services = context.Services.GetRequiredService<OrchestratorServices>();
        return ChildProcess.RunToCompletionAsync(spec, services.Reaper, (line, isError) => services.Logs.Write(server.Name, server.Name, line, isError), server.Name, cancellationToken);
    }

    private static ProcessSpec Spec(LaunchContext context, string fileName, IReadOnlyList<string> args) =>
        new(fileName, args, new Dictionary<string, string> { ["LC_ALL"] = "C.UTF-8" }, context.DataDirectory) { RunAsUser = RunAsUser };

    private static string DataPath(LaunchContext context) => Path.Combine(context.DataDirectory, "data");

    private static string? ReadMarker(LaunchContext context)
    {
        var path = Path.Combine(context.DataDirectory, PasswordMarkerFile);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static string Hash(string password) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}

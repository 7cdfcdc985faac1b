using System.Globalization;
using System.Text.RegularExpressions;

namespace CloudNative.Bench.Orders;

/// <summary>
/// Postgres's raw commit rate on this machine, now: pgbench's simple-update transaction (-N: one commit each) with as
/// many clients as the bench has checkouts in flight, in a scratch database created for it and dropped afterwards.
/// </summary>
internal static partial class Pgbench
{
    public static async Task<double> CommitsPerSecondAsync(Databases databases, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var scratch = $"bench_pgbench_{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}";
        await databases.ExecuteAsync($"CREATE DATABASE {scratch}", cancellationToken);
        try
        {
            var server = databases.Server(scratch);
            await RunAsync(server, ["-i", "-q", "-s", "1"], cancellationToken);
            var output = await RunAsync(server,
                ["-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
                cancellationToken);
            return Tps().Match(output) is { Success: true } tps
                ? double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new FormatException($"pgbench printed no tps:\n{output}");
        }
        finally
        {
            await databases.ExecuteAsync($"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task<string> RunAsync(Npgsql.NpgsqlConnectionStringBuilder server, string[] arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Concat(["-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username!, server.Database!]))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PGPASSWORD"] = server.Password;
        using var pgbench = Process.Start(startInfo) ?? throw new InvalidOperationException("pgbench did not start.");
        var output = pgbench.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = pgbench.StandardError.ReadToEndAsync(cancellationToken);
        await pgbench.WaitForExitAsync(cancellationToken);
        return pgbench.ExitCode == 0
            ? await output + await error
            : throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} exited with {pgbench.ExitCode}: {await error}");
    }

    /// <summary>The server package's pgbench (it comes with postgres), whether or not a wrapper puts it on PATH.</summary>
    private static string Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "pgbench"))
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().Reverse().Select(d => Path.Combine(d, "bin", "pgbench")) : [])
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("pgbench not found: it comes with the postgresql package (./build.sh installs it).");

    [GeneratedRegex(@"tps = ([\d.]+)")]
    private static partial Regex Tps();
}

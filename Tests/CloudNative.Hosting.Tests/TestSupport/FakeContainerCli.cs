using System.Diagnostics;

namespace CloudNative.Hosting.Tests.TestSupport;

/// <summary>
/// A stand-in for the docker CLI, since no container engine runs here: <c>info</c> answers with the exit code
/// the test chooses; <c>run</c> records its arguments (one per line) and, for each <c>-e NAME</c>, the value it
/// found in its own environment, prints a marker line and exits 0; <c>rm</c> records its arguments.
/// </summary>
internal sealed class FakeContainerCli : IDisposable
{
    public const string RecordedMarker = "fake-container-cli: run recorded";

    private const string ScriptTemplate = """
        #!/bin/sh
        dir=$(dirname "$0")
        case "$1" in
          info)
            echo "99.0.0-fake"
            exit __INFO_EXIT__
            ;;
          run)
            record="$dir/run-$$"
            : > "$record.env"
            previous=""
            for arg in "$@"; do
              if [ "$previous" = "-e" ]; then
                eval "value=\${$arg-UNSET}"
                printf '%s=%s\n' "$arg" "$value" >> "$record.env"
              fi
              previous="$arg"
            done
            printf '%s\n' "$@" > "$record.args.tmp"
            mv "$record.args.tmp" "$record.args"
            echo "__MARKER__"
            exit 0
            ;;
          rm)
            printf '%s\n' "$@" > "$dir/rm-$$.args"
            exit 0
            ;;
          *)
            echo "fake-container-cli: unexpected command '$1'" >&2
            exit 2
            ;;
        esac
        """;

    public FakeContainerCli(int infoExitCode = 0, string fileName = "docker")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("fake-container-cli-").FullName;
        ExecutablePath = Path.Combine(Directory, fileName);
        var source = Path.Combine(Directory, "script.txt");
        File.WriteAllText(source, ScriptTemplate
            .Replace("__INFO_EXIT__", infoExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__MARKER__", RecordedMarker, StringComparison.Ordinal));

        // Copied by a child process, so no write handle of ours can be inherited by a concurrent fork
        // and make executing the script fail with ETXTBSY.
        using var install = Process.Start("install", ["-m", "755", source, ExecutablePath]);
        install.WaitForExit();
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"install exited with {install.ExitCode} while creating {ExecutablePath}.");
        }
    }

    public string Directory { get; }

    public string ExecutablePath { get; }

    /// <summary>Every completed <c>run</c>: its arguments and the values of the variables it was told to pass.</summary>
    public IReadOnlyList<RecordedRun> Runs() =>
        [.. System.IO.Directory.GetFiles(Directory, "run-*.args").Order(StringComparer.Ordinal).Select(argsFile =>
        {
            var args = File.ReadAllLines(argsFile);
            var envFile = Path.ChangeExtension(argsFile, ".env");
            var env = File.ReadAllLines(envFile)
                .Select(line => line.Split('=', 2))
                .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
            return new RecordedRun(args, env);
        })];

    /// <summary>The arguments of every <c>rm</c>, one list per call.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Removals() =>
        [.. System.IO.Directory.GetFiles(Directory, "rm-*.args").Select(File.ReadAllLines)];

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

/// <param name="Args">The arguments after the executable, starting with <c>run</c>.</param>
/// <param name="Environment">For each <c>-e NAME</c>: the value the CLI had in its environment.</param>
internal sealed record RecordedRun(IReadOnlyList<string> Args, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The value after <c>--name</c>: the replica id.</summary>
    public string ContainerName => Args[Args.ToList().IndexOf("--name") + 1];
}

using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace CloudNative.Hosting.Containers;

/// <summary>A container CLI (docker or podman) whose engine answered <c>info</c>.</summary>
internal sealed record ContainerRuntime(string Name, string ExecutablePath)
{
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>ASPIRE_CONTAINER_RUNTIME</c> picks the CLI (as in Aspire); <c>AppHost:ContainerRuntimePath</c> points at a
    /// specific executable, which is then the only one tried; <c>AppHost:ContainerRuntime=none</c> forces process mode.
    /// </summary>
    public static ContainerRuntime? Detect(IConfiguration configuration)
    {
        var requested = (configuration["AppHost:ContainerRuntime"] ?? configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"])?.Trim().ToLowerInvariant();
        if (requested == "none")
        {
            return null;
        }

        if (configuration["AppHost:ContainerRuntimePath"] is { Length: > 0 } configuredPath)
        {
            var name = requested is { Length: > 0 } ? requested : NameOf(configuredPath);
            return EngineAnswers(configuredPath) ? new ContainerRuntime(name, configuredPath) : null;
        }

        string[] names = requested is { Length: > 0 } ? [requested] : ["docker", "podman"];
        foreach (var name in names)
        {
            if (Orchestration.ExecutableLocator.Find(name) is { } path && EngineAnswers(path))
            {
                return new ContainerRuntime(name, path);
            }
        }

        return null;
    }

    /// <summary>The CLI's flavour, from its file name: podman, or docker-compatible.</summary>
    private static string NameOf(string path) =>
        Path.GetFileName(path).Contains("podman", StringComparison.OrdinalIgnoreCase) ? "podman" : "docker";

    /// <summary>The CLI alone is not enough: a Docker client without an engine fails <c>info</c> at once.</summary>
    private static bool EngineAnswers(string path)
    {
        var startInfo = new ProcessStartInfo(path, ["info", "--format", "{{.ServerVersion}}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(startInfo);
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(s_probeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;

namespace CloudNative.KafkaDevBroker.Tests;

/// <summary>kafkajs/roundtrip.mjs run with node: a client that shares no code with librdkafka.</summary>
internal static class KafkaJs
{
    public const string InstallCommand = "npm ci --prefix Tests/CloudNative.KafkaDevBroker.Tests/kafkajs";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    // The source folder, where `npm ci` puts node_modules; its path is baked into the test assembly.
    private static string ScriptDirectory { get; } = typeof(KafkaJs).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "KafkaJsDirectory").Value!;

    /// <summary>Runs the round trip and returns its exit code with stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Output)> RoundTripAsync(string bootstrapServers, string topic)
    {
        // Fails rather than skips: a skipped test would hide that non-librdkafka clients went untested.
        Assert.True(
            Directory.Exists(Path.Combine(ScriptDirectory, "node_modules", "kafkajs")),
            $"kafkajs is not installed in {ScriptDirectory}. Run `{InstallCommand}` from the repository root.");

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = ScriptDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("roundtrip.mjs");
        info.ArgumentList.Add(bootstrapServers);
        info.ArgumentList.Add(topic);

        using var node = StartNode(info);
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
            return (-1, $"node did not exit within {Timeout.TotalSeconds} s.\n{await stdout}{await stderr}");
        }

        return (node.ExitCode, $"{await stdout}{await stderr}");
    }

    private static Process StartNode(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot start node ({e.Message}); the kafkajs tests need Node.js 20 on PATH.", e);
        }
    }
}

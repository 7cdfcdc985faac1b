using System.Globalization;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Redis;

/// <summary>
/// Process mode: <c>redis-server -</c> reads its configuration from standard input, which keeps the password
/// off the command line; it listens on loopback only and requires the password.
/// </summary>
internal sealed class RedisProcessLauncher(RedisResource redis) : IResourceLauncher
{
    public string Mode => "process";

    public bool RestartOnFailure => true;

    public Task<ProcessSpec> CreateProcessSpecAsync(LaunchContext context, ReplicaInstance replica, CancellationToken cancellationToken)
    {
        var port = replica.TargetPorts[RedisResource.PrimaryEndpointName].ToString(CultureInfo.InvariantCulture);
        var config = new List<string>
        {
            $"port {port}",
            "bind 127.0.0.1",
            "protected-mode yes",
            $"dir {context.DataDirectory}",
            "appendonly no",
            redis.PersistData && !context.EphemeralData ? "save 60 1" : "save \"\"",
        };
        if (redis.PasswordParameter is { } password)
        {
            config.Add($"requirepass \"{password.Value}\"");
        }

        var spec = new ProcessSpec(ExecutableLocator.Find("redis-server")!, ["-"], new Dictionary<string, string>(), context.DataDirectory)
        {
            StandardInput = string.Join('\n', config) + "\n",
        };
        return Task.FromResult(spec);
    }
}

using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using CloudNative.Hosting.LocalProcesses.Processes;

namespace CloudNative.Hosting.LocalProcesses.Redis;

/// <summary>
/// <c>redis-server -</c> reads its configuration from standard input, which keeps the password off the command
/// line; it listens on loopback only and requires the password. Snapshots follow Aspire: with WithPersistence's
/// arguments, or every 60 s after a change when the data is kept.
/// </summary>
internal sealed class RedisLocalProcess(RedisResource redis) : ILocalProcessRecipe
{
    public IReadOnlyList<RequiredBinary> RequiredBinaries { get; } =
        [new("redis-server", "Install it with 'sudo apt-get install -y redis-server' (./build.sh does this).")];

    public string? DataMountTarget => "/data";

    public string ListeningEndpointName => redis.PrimaryEndpoint.EndpointName;

    public async Task<ProcessSpec> CreateProcessSpecAsync(LocalProcessContext context, CancellationToken cancellationToken)
    {
        var config = new List<string>
        {
            $"port {context.PortOf(redis.PrimaryEndpoint.EndpointName).ToString(CultureInfo.InvariantCulture)}",
            "bind 127.0.0.1",
            "protected-mode yes",
            $"dir {context.DataDirectory}",
            "appendonly no",
            context.IsPersistent ? "save 60 1" : "save \"\"",
        };
        if (redis.PasswordParameter is { } password)
        {
            var value = await password.GetValueAsync(cancellationToken).ConfigureAwait(false);
            config.Add($"requirepass \"{value?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
        }

        return new ProcessSpec(ExecutableLocator.Find("redis-server")!, ["-", .. await SaveArgumentsAsync(cancellationToken).ConfigureAwait(false)], new Dictionary<string, string>(), context.DataDirectory)
        {
            StandardInput = string.Join('\n', config) + "\n",
        };
    }

    /// <summary>WithPersistence's <c>--save interval keys</c>, taken from the arguments Aspire gives the container.</summary>
    private async Task<IReadOnlyList<string>> SaveArgumentsAsync(CancellationToken cancellationToken)
    {
        var args = new List<object>();
        var executionContext = new Aspire.Hosting.DistributedApplicationExecutionContext(Aspire.Hosting.DistributedApplicationOperation.Run);
        foreach (var callback in redis.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(new CommandLineArgsCallbackContext(args, redis, cancellationToken) { ExecutionContext = executionContext }).ConfigureAwait(false);
        }

        var values = args.OfType<string>().ToList();
        var save = values.IndexOf("--save");
        return save >= 0 && save + 2 < values.Count ? ["--save", values[save + 1], values[save + 2]] : [];
    }
}

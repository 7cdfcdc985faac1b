using System.Globalization;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Kafka;

/// <summary>Process mode: the Kafka dev broker (shipped next to this assembly) on the endpoint's port, with the declared topics.</summary>
internal sealed class KafkaDevBrokerLauncher(KafkaServerResource kafka) : IResourceLauncher
{
    private const string BrokerAssembly = "CloudNative.KafkaDevBroker.dll";

    public string Mode => "process";

    public bool RestartOnFailure => true;

    public Task<ProcessSpec> CreateProcessSpecAsync(LaunchContext context, ReplicaInstance replica, CancellationToken cancellationToken)
    {
        var broker = Path.Combine(AppContext.BaseDirectory, BrokerAssembly);
        if (!File.Exists(broker))
        {
            throw new DistributedApplicationException(
                $"Resource '{kafka.Name}': the Kafka dev broker '{broker}' is missing. Rebuild the AppHost; CloudNative.Hosting references CloudNative.KafkaDevBroker, which puts it there.");
        }

        List<string> args = [broker, "--port", replica.TargetPorts[KafkaServerResource.PrimaryEndpointName].ToString(CultureInfo.InvariantCulture)];
        foreach (var topic in kafka.Topics)
        {
            args.AddRange(["--topic", $"{topic.Name}:{topic.Partitions.ToString(CultureInfo.InvariantCulture)}"]);
        }

        return Task.FromResult(new ProcessSpec("dotnet", args, new Dictionary<string, string>(), context.DataDirectory));
    }
}

using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CloudNative.Hosting.LocalProcesses;

namespace CloudNative.Hosting.Kafka;

/// <summary>
/// Kafka as a local process: the dev broker (librdkafka's mock cluster, shipped beside this assembly) on the
/// endpoint's port, with the declared topics. It keeps data in memory only.
/// </summary>
internal sealed class KafkaDevBrokerProcess(KafkaServerResource kafka) : ILocalProcessRecipe
{
    private static readonly string s_broker = Path.Combine(AppContext.BaseDirectory, "CloudNative.KafkaDevBroker.dll");

    public IReadOnlyList<RequiredBinary> RequiredBinaries { get; } = [new("dotnet", "Install the .NET SDK: https://dot.net/download")];

    public IEnumerable<string> DescribeUnsupportedOptions(IResource resource)
    {
        if (resource.Annotations.OfType<ContainerMountAnnotation>().Any())
        {
            yield return "WithDataVolume / WithDataBindMount: the dev broker keeps messages in memory only, so they are gone when it stops.";
        }
    }

    public string ListeningEndpointName => KafkaServerResource.PrimaryEndpointName;

    public Task<ProcessSpec> CreateProcessSpecAsync(LocalProcessContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(s_broker))
        {
            throw new DistributedApplicationException(
                $"The Kafka dev broker '{s_broker}' is missing. Rebuild the AppHost: CloudNative.Hosting.Kafka references CloudNative.KafkaDevBroker, which puts it there.");
        }

        List<string> args = [s_broker, "--port", context.PortOf(KafkaServerResource.PrimaryEndpointName).ToString(CultureInfo.InvariantCulture)];
        foreach (var topic in KafkaTopicAnnotation.Of(kafka))
        {
            args.AddRange(["--topic", $"{topic.Name}:{topic.Partitions.ToString(CultureInfo.InvariantCulture)}"]);
        }

        return Task.FromResult(new ProcessSpec(DotnetHost.Path, args, new Dictionary<string, string>(), context.DataDirectory));
    }
}

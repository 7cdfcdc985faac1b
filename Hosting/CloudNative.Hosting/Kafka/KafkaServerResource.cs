using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Kafka;

public sealed class KafkaServerResource(string name)
    : ContainerResource(name), IResourceWithConnectionString, IProcessModeResource
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string InternalEndpointName = "internal";

    private readonly List<KafkaTopic> _topics = [];

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public EndpointReference InternalEndpoint => new(this, InternalEndpointName);

    /// <summary>Topics the AppHost creates: the dev broker cannot serve CreateTopics, so they are declared here.</summary>
    public IReadOnlyList<KafkaTopic> Topics => _topics;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");

    IEnumerable<RequiredBinary> IProcessModeResource.RequiredBinaries => [];

    public IEnumerable<KeyValuePair<string, ReferenceExpression>> GetConnectionProperties()
    {
        yield return new("Host", ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Host)}"));
        yield return new("Port", ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.Port)}"));
    }

    IResourceLauncher IProcessModeResource.CreateProcessLauncher(IServiceProvider services) => new KafkaDevBrokerLauncher(this);

    internal void AddTopic(KafkaTopic topic)
    {
        if (_topics.Any(t => t.Name == topic.Name))
        {
            throw new DistributedApplicationException($"Resource '{Name}' declares topic '{topic.Name}' twice. Declare each topic once.");
        }

        _topics.Add(topic);
    }
}

public sealed record KafkaTopic(string Name, int Partitions);

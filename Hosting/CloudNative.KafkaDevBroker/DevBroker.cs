namespace CloudNative.KafkaDevBroker;

/// <summary>
/// The mock cluster with its topics. Clients reach the brokers' own listeners, which Metadata advertises; with --port,
/// broker 1 is also reached through a forwarder on that port, for bootstrapping.
/// </summary>
internal sealed class DevBroker : IDisposable
{
    private readonly MockCluster cluster;
    private readonly LoopbackForwarder? forwarder;

    private DevBroker(MockCluster cluster, LoopbackForwarder? forwarder)
    {
        this.cluster = cluster;
        this.forwarder = forwarder;
        IReadOnlyList<BrokerAddress> bootstrap = forwarder is null ? cluster.Listeners : [forwarder.Address, .. cluster.Listeners.Skip(1)];
        BootstrapServers = string.Join(',', bootstrap);
    }

    public string BootstrapServers { get; }

    public static DevBroker Start(BrokerOptions options)
    {
        var cluster = MockCluster.Start(options.Brokers);
        try
        {
            Configure(cluster);
            var replicationFactor = Math.Min(options.Brokers, 3);
            foreach (var topic in options.Topics)
            {
                cluster.CreateTopic(topic.Name, topic.Partitions, replicationFactor);
            }

            return new DevBroker(cluster, options.Port is { } port ? LoopbackForwarder.Start(port, cluster.Listeners[0].ToEndPoint()) : null);
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        forwarder?.Dispose();
        cluster.Dispose();
    }

    private static void Configure(MockCluster cluster)
    {
        // As confluent-local does: a lone consumer gets its partitions at once instead of after 3 s.
        // The price: classic-protocol members that start together land in separate generations.
        cluster.SetGroupInitialRebalanceDelay(TimeSpan.Zero);

        // KIP-848 (group.protocol=consumer) members move at their next heartbeat; the mock's default
        // is 3 s, 1 s is the smallest interval a real broker allows.
        cluster.SetConsumerGroupHeartbeatInterval(TimeSpan.FromSeconds(1));

        // Without a controller in Metadata, admin requests wait out their whole timeout. With one they
        // fail at once with "not supported": the mock serves no admin API (topics come from --topic).
        cluster.SetController(brokerId: 1);

        ApiVersionCaps.ApplyTo(cluster);
    }
}

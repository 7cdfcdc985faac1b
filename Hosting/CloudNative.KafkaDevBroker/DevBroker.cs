namespace CloudNative.KafkaDevBroker;

/// <summary>The mock cluster with its topics, plus the fixed-port listener when --port asks for one.</summary>
internal sealed class DevBroker : IDisposable
{
    private readonly MockCluster cluster;
    private readonly LoopbackForwarder? forwarder;

    private DevBroker(MockCluster cluster, LoopbackForwarder? forwarder, IReadOnlyList<BrokerAddress> addresses)
    {
        this.cluster = cluster;
        this.forwarder = forwarder;
        BootstrapServers = string.Join(',', addresses);
    }

    public string BootstrapServers { get; }

    public static DevBroker Start(BrokerOptions options)
    {
        var cluster = MockCluster.Start(options.Brokers);
        LoopbackForwarder? forwarder = null;
        try
        {
            Configure(cluster);
            var replicationFactor = Math.Min(options.Brokers, 3);
            foreach (var topic in options.Topics)
            {
                cluster.CreateTopic(topic.Name, topic.Partitions, replicationFactor);
            }

            var addresses = cluster.Listeners.ToArray();
            if (options.Port is { } port)
            {
                forwarder = LoopbackForwarder.Start(port, addresses[0].ToEndPoint());
                addresses[0] = new BrokerAddress("127.0.0.1", port);
                cluster.Advertise(brokerId: 1, addresses[0]);
            }

            return new DevBroker(cluster, forwarder, addresses);
        }
        catch
        {
            forwarder?.Dispose();
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
    }
}

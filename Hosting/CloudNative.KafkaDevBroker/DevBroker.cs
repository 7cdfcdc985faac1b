namespace CloudNative.KafkaDevBroker;

/// <summary>The mock cluster with its topics, each broker behind a forwarder (broker 1's on --port if given).</summary>
internal sealed class DevBroker : IDisposable
{
    private readonly MockCluster cluster;
    private readonly List<LoopbackForwarder> forwarders;

    private DevBroker(MockCluster cluster, List<LoopbackForwarder> forwarders)
    {
        this.cluster = cluster;
        this.forwarders = forwarders;
        BootstrapServers = string.Join(',', forwarders.Select(f => f.Address));
    }

    public string BootstrapServers { get; }

    public static DevBroker Start(BrokerOptions options)
    {
        var cluster = MockCluster.Start(options.Brokers);
        var forwarders = new List<LoopbackForwarder>();
        try
        {
            Configure(cluster);
            var replicationFactor = Math.Min(options.Brokers, 3);
            foreach (var topic in options.Topics)
            {
                cluster.CreateTopic(topic.Name, topic.Partitions, replicationFactor);
            }

            for (var i = 0; i < cluster.Listeners.Count; i++)
            {
                var port = i == 0 ? options.Port ?? 0 : 0;
                forwarders.Add(LoopbackForwarder.Start(port, cluster.Listeners[i].ToEndPoint()));
                cluster.Advertise(brokerId: i + 1, forwarders[i].Address);
            }

            return new DevBroker(cluster, forwarders);
        }
        catch
        {
            forwarders.ForEach(f => f.Dispose());
            cluster.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        forwarders.ForEach(f => f.Dispose());
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

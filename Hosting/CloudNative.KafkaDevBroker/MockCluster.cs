using System.Net.Sockets;
using System.Runtime.InteropServices;
using CloudNative.KafkaDevBroker.Native;

namespace CloudNative.KafkaDevBroker;

// librdkafka's in-memory mock cluster: it speaks the Kafka protocol on loopback listeners.
internal sealed class MockCluster : IDisposable
{
    private readonly KafkaClientHandle client;
    private readonly MockClusterHandle cluster;

    private MockCluster(KafkaClientHandle client, MockClusterHandle cluster)
    {
        this.client = client;
        this.cluster = cluster;
    }

    /// <summary>The listeners in broker id order (1..n), each an ephemeral port on 127.0.0.1.</summary>
    public IReadOnlyList<BrokerAddress> Listeners { get; private set; } = [];

    public static MockCluster Start(int brokerCount)
    {
        var client = CreateClient();
        var cluster = MockClusterHandle.Create(client, brokerCount);
        if (cluster.IsInvalid)
        {
            client.Dispose();
            throw new BrokerStartupException(
                "librdkafka could not create the mock cluster (see its log above).");
        }

        var mock = new MockCluster(client, cluster);
        var bootstraps = Marshal.PtrToStringUTF8(LibRdKafka.MockClusterBootstraps(cluster)) ?? "";
        mock.Listeners = bootstraps.Split(',').Select(BrokerAddress.Parse).ToArray();
        return mock;
    }

    public void CreateTopic(string name, int partitions, int replicationFactor)
    {
        var err = WhileWaking(() => LibRdKafka.MockTopicCreate(cluster, name, partitions, replicationFactor));
        if (err != 0)
        {
            throw new BrokerStartupException(
                $"Could not create topic '{name}' with {partitions} partition(s): {LibRdKafka.ErrorText(err)}.");
        }
    }

    /// <summary>Serves and lists only <paramref name="minVersion"/> to <paramref name="maxVersion"/> of an api.</summary>
    public void SetApiVersions(short apiKey, short minVersion, short maxVersion)
    {
        var err = WhileWaking(() => LibRdKafka.MockSetApiVersion(cluster, apiKey, minVersion, maxVersion));
        if (err != 0)
        {
            throw new BrokerStartupException($"Could not limit api {apiKey} to versions {minVersion}-{maxVersion}: {LibRdKafka.ErrorText(err)}.");
        }
    }

    public void SetGroupInitialRebalanceDelay(TimeSpan delay) =>
        LibRdKafka.MockGroupInitialRebalanceDelayMs(cluster, (int)delay.TotalMilliseconds);

    public void SetConsumerGroupHeartbeatInterval(TimeSpan interval) =>
        LibRdKafka.MockSetGroupConsumerHeartbeatIntervalMs(cluster, (int)interval.TotalMilliseconds);

    public void SetController(int brokerId) => LibRdKafka.MockSetControllerId(cluster, brokerId);

    public void Dispose()
    {
        cluster.Dispose();
        client.Dispose();
    }

    // Control calls such as topic creation are ops served by the mock's own thread, and librdkafka
    // 2.16 can lose the wake-up for an op sent right after another: the thread then sleeps until its
    // next timer, up to 1 s per call. Any connection to a listener wakes it, so keep knocking.
    private T WhileWaking<T>(Func<T> call)
    {
        var pending = Task.Run(call);
        while (!pending.Wait(TimeSpan.FromMilliseconds(20)))
        {
            try
            {
                using var knock = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                knock.Connect(Listeners[0].ToEndPoint());
            }
            catch (SocketException)
            {
            }
        }

        return pending.Result;
    }

    private static unsafe KafkaClientHandle CreateClient()
    {
        var errstr = stackalloc byte[512];
        var conf = LibRdKafka.ConfNew();
        // Keep librdkafka's notice about the missing bootstrap.servers out of the console logs;
        // warnings and the mock's own errors still reach stderr.
        if (LibRdKafka.ConfSet(conf, "log_level", "4", errstr, 512) != LibRdKafka.ConfOk ||
            LibRdKafka.ConfSet(conf, "client.id", "kafka-dev-broker", errstr, 512) != LibRdKafka.ConfOk)
        {
            LibRdKafka.ConfDestroy(conf);
            throw new BrokerStartupException($"librdkafka rejected the configuration: {Text(errstr)}");
        }

        var client = new KafkaClientHandle();
        Marshal.InitHandle(client, LibRdKafka.New(LibRdKafka.Producer, conf, errstr, 512));
        if (client.IsInvalid)
        {
            LibRdKafka.ConfDestroy(conf);
            throw new BrokerStartupException($"librdkafka could not create its client: {Text(errstr)}");
        }

        return client;
    }

    private static unsafe string Text(byte* errstr) =>
        Marshal.PtrToStringUTF8((nint)errstr) ?? "";
}

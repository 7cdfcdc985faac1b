using System.Runtime.InteropServices;

namespace CloudNative.KafkaDevBroker.Native;

// Signatures follow rdkafka.h and rdkafka_mock.h of librdkafka 2.16. The mock API is marked
// experimental upstream (no ABI guarantee), so re-check them when Confluent.Kafka is upgraded.
internal static partial class LibRdKafka
{
    public const string Library = "librdkafka";
    public const int Producer = 0;
    public const int ConfOk = 0;

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_new")]
    public static partial nint ConfNew();

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int ConfSet(nint conf, string name, string value, byte* errstr, nuint errstrSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_conf_destroy")]
    public static partial void ConfDestroy(nint conf);

    // Takes ownership of conf only when it succeeds.
    [LibraryImport(Library, EntryPoint = "rd_kafka_new")]
    public static unsafe partial nint New(int type, nint conf, byte* errstr, nuint errstrSize);

    [LibraryImport(Library, EntryPoint = "rd_kafka_destroy")]
    public static partial void Destroy(nint rk);

    // Returns a static string: never free it.
    [LibraryImport(Library, EntryPoint = "rd_kafka_err2str")]
    public static partial nint Err2Str(int err);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static partial nint MockClusterNew(KafkaClientHandle rk, int brokerCount);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static partial void MockClusterDestroy(nint cluster);

    // Returns a string owned by the cluster: never free it.
    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial nint MockClusterBootstraps(MockClusterHandle cluster);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int MockTopicCreate(MockClusterHandle cluster, string topic, int partitions, int replicationFactor);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    public static partial void MockGroupInitialRebalanceDelayMs(MockClusterHandle cluster, int delayMs);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_set_group_consumer_heartbeat_interval_ms")]
    public static partial void MockSetGroupConsumerHeartbeatIntervalMs(MockClusterHandle cluster, int intervalMs);

    // Sets the versions the mock serves and lists in ApiVersions for one api key.
    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_set_apiversion")]
    public static partial int MockSetApiVersion(MockClusterHandle cluster, short apiKey, short minVersion, short maxVersion);

    [LibraryImport(Library, EntryPoint = "rd_kafka_mock_set_controller_id")]
    public static partial void MockSetControllerId(MockClusterHandle cluster, int brokerId);

    public static string ErrorText(int err) => Marshal.PtrToStringUTF8(Err2Str(err)) ?? $"error {err}";
}

namespace CloudNative.KafkaDevBroker;

// The mock advertises some versions whose wire format it gets wrong. librdkafka clients never ask
// for them (they stop at JoinGroup v5, SyncGroup v3, LeaveGroup v1), but clients that take the
// highest version both sides support, kafkajs for one, do and fail. Found by comparing the mock's
// handlers (librdkafka 2.16) with the Kafka protocol spec and probing them. The mock itself is told
// to serve no more (rd_kafka_mock_set_apiversion), so its ApiVersions responses list the caps.
internal static class ApiVersionCaps
{
    // Every one of these the mock serves from version 0.
    private static readonly Dictionary<short, short> MaxVersions = new()
    {
        // JoinGroup v6 (flexible) reads the protocol count as an int32, not a compact array, and drops the connection.
        [11] = 5,
        // LeaveGroup v3+ reads one member id where the request carries a member array, so the member
        // stays in the group (UNKNOWN_MEMBER_ID), and its response lacks the members array.
        [13] = 2,
        // SyncGroup v4 (flexible) reads the assignment count as an int32 and drops the connection.
        [14] = 3,
    };

    public static void ApplyTo(MockCluster cluster)
    {
        foreach (var (apiKey, maxVersion) in MaxVersions)
        {
            cluster.SetApiVersions(apiKey, 0, maxVersion);
        }
    }
}

using System.Buffers.Binary;

namespace CloudNative.KafkaDevBroker;

// The mock advertises some versions whose wire format it gets wrong. librdkafka clients never ask
// for them (they stop at JoinGroup v5, SyncGroup v3, LeaveGroup v1), but clients that take the
// highest version both sides support, kafkajs for one, do and fail. Found by comparing the mock's
// handlers (librdkafka 2.16) with the Kafka protocol spec and probing them.
internal static class ApiVersionCaps
{
    private const short ApiVersionsKey = 18;

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

    // Whether Apply should rewrite the response to this request. The mock serves ApiVersions v0-v2
    // only: it refuses v3+, listing ApiVersions alone, and the client asks again at v2.
    public static bool AppliesTo(short apiKey, short apiVersion) => apiKey == ApiVersionsKey && apiVersion <= 2;

    /// <summary>Lowers the capped max versions in place in an ApiVersions v0-v2 response body.</summary>
    public static void Apply(Span<byte> body)
    {
        // error_code int16, an int32 count of (api_key, min_version, max_version) int16s, then throttle_time_ms (v1+).
        var count = BinaryPrimitives.ReadInt32BigEndian(body[2..]);
        for (var i = 0; i < count; i++)
        {
            var entry = body.Slice(6 + i * 6, 6);
            if (MaxVersions.TryGetValue(BinaryPrimitives.ReadInt16BigEndian(entry), out var cap) &&
                BinaryPrimitives.ReadInt16BigEndian(entry[4..]) > cap)
            {
                BinaryPrimitives.WriteInt16BigEndian(entry[4..], cap);
            }
        }
    }
}

namespace CloudNative.KafkaDevBroker.Tests;

/// <summary>The Kafka protocol's api keys the tests name.</summary>
internal static class ApiKeys
{
    public const short Produce = 0;
    public const short JoinGroup = 11;
    public const short LeaveGroup = 13;
    public const short SyncGroup = 14;
    public const short ApiVersions = 18;
}

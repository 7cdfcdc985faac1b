using System.Runtime.InteropServices;

namespace CloudNative.KafkaDevBroker.Native;

// The cluster uses its rd_kafka_t until it is destroyed, so it holds a reference on the client
// handle: the client is released only after the cluster, even when both are finalized together.
internal sealed class MockClusterHandle : SafeHandle
{
    private KafkaClientHandle? client;

    public MockClusterHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    public static MockClusterHandle Create(KafkaClientHandle client, int brokerCount)
    {
        var cluster = new MockClusterHandle();
        var pointer = LibRdKafka.MockClusterNew(client, brokerCount);
        if (pointer != 0)
        {
            var added = false;
            client.DangerousAddRef(ref added);
            cluster.client = client;
            cluster.SetHandle(pointer);
        }

        return cluster;
    }

    protected override bool ReleaseHandle()
    {
        LibRdKafka.MockClusterDestroy(handle);
        client?.DangerousRelease();
        return true;
    }
}

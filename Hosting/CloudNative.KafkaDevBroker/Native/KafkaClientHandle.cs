using System.Runtime.InteropServices;

namespace CloudNative.KafkaDevBroker.Native;

// The rd_kafka_t that a mock cluster needs for its bookkeeping.
internal sealed class KafkaClientHandle : SafeHandle
{
    public KafkaClientHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        LibRdKafka.Destroy(handle);
        return true;
    }
}

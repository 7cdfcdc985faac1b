namespace CloudNative.KafkaDevBroker;

public sealed record TopicSpec(string Name, int Partitions)
{
    public override string ToString() => $"{Name}:{Partitions}";
}

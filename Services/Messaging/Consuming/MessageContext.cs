using CloudNative.Messaging.Envelope;
using Confluent.Kafka;

namespace CloudNative.Messaging.Consuming;

/// <summary>What a handler knows about the message besides its payload. Pass <see cref="Envelope"/> as the
/// cause of any message the handler enqueues, so the flow keeps its correlation id.</summary>
public sealed record MessageContext(EventEnvelope Envelope, string? Key, TopicPartitionOffset Source, int Attempt);

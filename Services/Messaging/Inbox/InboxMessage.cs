namespace CloudNative.Messaging.Inbox;

/// <summary>
/// A message a consumer group has applied, recorded in the transaction of its effect: a redelivery finds it and is
/// skipped, so each message takes effect exactly once per group however often Kafka delivers it.
/// </summary>
public sealed class InboxMessage
{
    public required string ConsumerGroup { get; init; }

    public required Guid MessageId { get; init; }

    public required string MessageType { get; init; }

    public required DateTimeOffset ProcessedAt { get; init; }
}

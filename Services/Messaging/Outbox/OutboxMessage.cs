namespace CloudNative.Messaging.Outbox;

/// <summary>A message waiting in the service's database to be published, written with the state change it reports.</summary>
public sealed class OutboxMessage
{
    /// <summary>
    /// The publishing order. It comes from an identity sequence, so for one key it follows commit order as long as
    /// the service serialises writers of one aggregate (a version check or row lock, which event sourcing has anyway):
    /// a later transaction on the aggregate reads the earlier one's result, so draws its id after it.
    /// </summary>
    public long Id { get; internal init; }

    public required Guid MessageId { get; init; }

    public required string Topic { get; init; }

    /// <summary>The aggregate id: Kafka's partition key, which keeps one aggregate's messages in order.</summary>
    public required string Key { get; init; }

    public required string MessageType { get; init; }

    public required byte[] Payload { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid CorrelationId { get; init; }

    public Guid? CausationId { get; init; }

    /// <summary>The W3C context of the span that enqueued the message, so the trace follows it through the relay.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    /// <summary>Set once the broker has acknowledged the message; null while it waits.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }
}

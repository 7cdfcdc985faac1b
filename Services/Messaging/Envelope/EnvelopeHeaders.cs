namespace CloudNative.Messaging.Envelope;

/// <summary>The Kafka header names of the envelope and of a dead letter's cause.</summary>
public static class EnvelopeHeaders
{
    public const string MessageId = "message-id";
    public const string MessageType = "message-type";
    public const string OccurredAt = "occurred-at";
    public const string CorrelationId = "correlation-id";
    public const string CausationId = "causation-id";

    // W3C Trace Context's names; ServiceDefaults' producer writes them, the outbox relay restores stored ones.
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";

    // Added to a message sent to a dead-letter topic, next to all of its original headers.
    public const string DeadLetterReason = "dlt-reason";
    public const string DeadLetterErrorType = "dlt-error-type";
    public const string DeadLetterErrorMessage = "dlt-error-message";
    public const string DeadLetterOriginalTopic = "dlt-original-topic";
    public const string DeadLetterOriginalPartition = "dlt-original-partition";
    public const string DeadLetterOriginalOffset = "dlt-original-offset";
    public const string DeadLetterConsumerGroup = "dlt-consumer-group";
}

namespace CloudNative.Messaging.Consuming;

public sealed class MessageConsumerOptions
{
    /// <summary>Handling attempts before a failing message goes to the dead-letter topic; the first attempt counts.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// The most messages one poll takes into a batch. Each lane applies its share in one transaction, so a larger batch
    /// means fewer commits, and more to apply again should one of its handlers throw.
    /// </summary>
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>
    /// Lanes a batch is split into by message key, applied concurrently, each in its own transaction; one key always
    /// takes one lane, so its messages keep their order. More lanes overlap handlers that wait (a payment provider);
    /// handlers that update shared rows (stock) are better served by one lane, whose transaction holds the row locks.
    /// </summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>The pause after the first failed attempt; it doubles after each further one, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Bounds the pauses. All attempts of one message, pauses included, must stay well inside the group's
    /// max.poll.interval.ms (5 minutes), or the broker takes the partition away mid-message.
    /// </summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Names a topic's dead-letter topic; by default "&lt;topic&gt;.dlt". It must exist on the broker.</summary>
    public Func<string, string> DeadLetterTopic { get; set; } = static topic => topic + ".dlt";

    /// <summary>
    /// How long an applied message's id stays in the inbox, so a re-delivery is recognised and skipped. A re-delivery
    /// can come as long as the topic keeps the message (an offset reset, a replay), so the default matches Kafka's
    /// default topic retention (7 days); keep it at least as long as the consumed topics' <c>retention.ms</c>.
    /// </summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    // In doubles, which saturate at infinity where a long would overflow after enough attempts.
    internal TimeSpan BackoffAfter(int failedAttempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, InitialBackoff.TotalMilliseconds * Math.Pow(2, failedAttempt - 1)));
}

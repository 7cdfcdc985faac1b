namespace CloudNative.Messaging.Outbox;

public sealed class OutboxOptions
{
    /// <summary>Rows read and published per round; the broker acknowledges them as one pipelined batch.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long the active relay waits for a commit notification before looking anyway: the bound on a message's
    /// delay should a notification be lost (the committing replica died between commit and NOTIFY).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a replica whose relay stands by tries for the active relay's lock: the bound on how long a crashed
    /// relay's rows wait for another replica.
    /// </summary>
    public TimeSpan TakeoverInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The pause after a failure (database or broker unreachable, schema not migrated yet) before trying again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a published row is kept, to look at, before it is pruned; unpublished rows are never pruned. Nothing
    /// reads published rows again, so this can be short.
    /// </summary>
    public TimeSpan PublishedRetention { get; set; } = TimeSpan.FromHours(1);
}

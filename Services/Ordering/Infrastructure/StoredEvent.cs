namespace Ordering.Api.Infrastructure;

/// <summary>
/// A row of the append-only event store. (StreamId, Version) is unique: two writers that loaded the same version
/// cannot both append the next one, so the second fails and retries on the newer state (optimistic concurrency).
/// </summary>
public sealed class StoredEvent
{
    /// <summary>The global position: replaying by it (per stream, by version) rebuilds every read model.</summary>
    public long Id { get; init; }

    public required Guid StreamId { get; init; }

    public required int Version { get; init; }

    public required string Type { get; init; }

    /// <summary>The event's JSON (jsonb).</summary>
    public required string Data { get; init; }

    /// <summary>Correlation and causation of the event (jsonb): which flow and which message led to it.</summary>
    public required string Metadata { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
}

namespace Ordering.Api.Saga;

/// <summary>
/// What the saga does about a message, once the order has recorded its events: the messages to send, in order, and
/// the step's new deadline, or none when the saga has ended.
/// </summary>
public sealed record SagaReaction(IReadOnlyList<SagaMessage> Messages, DateTimeOffset? Deadline)
{
    /// <summary>The message changed nothing (a duplicate, or a late reply after the saga moved on).</summary>
    public static readonly SagaReaction None = new([], null) { Ignored = true };

    public bool Ignored { get; private init; }
}

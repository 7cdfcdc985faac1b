namespace Ordering.Api.Infrastructure;

/// <summary>
/// A checkout's Idempotency-Key, per user, with a hash of what was asked: the same key and request answer with the
/// same order, the same key with another request is a conflict. The primary key (UserId, Key) makes two concurrent
/// requests with one key create one order.
/// </summary>
public sealed class IdempotencyKey
{
    public const int MaxLength = 200;

    public required string UserId { get; init; }

    public required string Key { get; init; }

    public required string RequestHash { get; init; }

    public required Guid OrderId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

namespace CloudNative.Contracts;

public sealed record OrderSubmitted(Guid OrderId, string UserId, IReadOnlyList<OrderLine> Lines);

public sealed record OrderConfirmed(Guid OrderId, decimal Total, string Currency);

public sealed record OrderCancelled(Guid OrderId, string Reason);

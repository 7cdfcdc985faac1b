namespace CloudNative.Contracts;

/// <summary>Charge the order once: a repeat answers as the first time did and never charges again.</summary>
public sealed record AuthorizePayment(Guid OrderId, string UserId, decimal Amount, string Currency);

/// <summary>Refund what <see cref="AuthorizePayment"/> charged for the order; nothing if it charged nothing.</summary>
public sealed record RefundPayment(Guid OrderId, string Reason);

public sealed record PaymentAuthorized(Guid OrderId, Guid PaymentId, decimal Amount, string Currency);

public sealed record PaymentDeclined(Guid OrderId, string Reason);

public sealed record PaymentRefunded(Guid OrderId, Guid PaymentId);

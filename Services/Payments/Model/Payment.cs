namespace Payments.Api.Model;

/// <summary>
/// The one payment of an order. Its outcome is the answer to every later command for the order, so a re-sent
/// AuthorizePayment never reaches the provider again and a re-sent RefundPayment never refunds twice.
/// </summary>
public sealed class Payment
{
    public required Guid Id { get; init; }

    public required Guid OrderId { get; init; }

    public required string UserId { get; init; }

    public required decimal Amount { get; init; }

    public required string Currency { get; init; }

    public PaymentStatus Status { get; set; }

    /// <summary>Why the provider declined (<see cref="PaymentStatus.Declined"/>).</summary>
    public string? DeclineReason { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RefundedAt { get; set; }
}

namespace Payments.Api.Provider;

/// <summary>The card processor. Calls are keyed by order id, the idempotency key a real provider deduplicates on.</summary>
public interface IPaymentProvider
{
    /// <returns>Null if approved, else the provider's reason for declining.</returns>
    /// <exception cref="PaymentProviderUnavailableException">The call failed; it may be retried.</exception>
    Task<string?> AuthorizeAsync(Guid orderId, string userId, decimal amount, string currency, CancellationToken cancellationToken);

    /// <exception cref="PaymentProviderUnavailableException">The call failed; it may be retried.</exception>
    Task RefundAsync(Guid orderId, decimal amount, string currency, CancellationToken cancellationToken);
}

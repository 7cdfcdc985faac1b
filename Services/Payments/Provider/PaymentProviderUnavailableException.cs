namespace Payments.Api.Provider;

/// <summary>The provider could not be reached or did not answer: transient, so the message is retried, not declined.</summary>
public sealed class PaymentProviderUnavailableException(string message) : Exception(message);

namespace Payments.Api.Model;

public enum PaymentStatus
{
    /// <summary>The provider charged the amount.</summary>
    Authorized,

    /// <summary>The provider refused; nothing was charged.</summary>
    Declined,

    /// <summary>An authorized charge was given back.</summary>
    Refunded,

    /// <summary>A refund came before any charge: nothing was charged, and a later authorization for the order is declined.</summary>
    Voided,
}

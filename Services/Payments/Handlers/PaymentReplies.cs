using CloudNative.Contracts;
using CloudNative.Messaging.Envelope;
using CloudNative.Messaging.Outbox;
using Payments.Api.Model;

namespace Payments.Api.Handlers;

static class PaymentReplies
{
    /// <summary>The answer to an AuthorizePayment, from the order's payment: the same for a first command and a repeat.</summary>
    public static void EnqueueAuthorizeOutcome(this IOutbox outbox, Payment payment, EventEnvelope causedBy)
    {
        var key = payment.OrderId.ToString();
        switch (payment.Status)
        {
            case PaymentStatus.Authorized:
                outbox.Enqueue(Topics.PaymentEvents, key, new PaymentAuthorized(payment.OrderId, payment.Id, payment.Amount, payment.Currency), causedBy);
                break;
            case PaymentStatus.Declined:
                outbox.Enqueue(Topics.PaymentEvents, key, new PaymentDeclined(payment.OrderId, payment.DeclineReason!), causedBy);
                break;
            // Nothing is charged for the order any more: a late re-send must not be told it is paid.
            case PaymentStatus.Refunded:
                outbox.Enqueue(Topics.PaymentEvents, key, new PaymentDeclined(payment.OrderId, "The order's payment has been refunded."), causedBy);
                break;
            case PaymentStatus.Voided:
                outbox.Enqueue(Topics.PaymentEvents, key, new PaymentDeclined(payment.OrderId, "The order's payment was cancelled before it was authorized."), causedBy);
                break;
            default:
                throw new InvalidOperationException($"Unknown payment status {payment.Status}.");
        }
    }
}

using CloudNative.Contracts;
using CloudNative.Messaging.Consuming;
using CloudNative.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Payments.Api.Infrastructure;
using Payments.Api.Model;
using Payments.Api.Provider;

namespace Payments.Api.Handlers;

/// <summary>
/// Charges an order once. Runs in the consumer's transaction with the inbox row added (a redelivered message id never
/// gets here); a new message for an order already charged or declined answers from its <see cref="Payment"/> and
/// never calls the provider again. A provider outage throws: the consumer retries, then dead-letters.
/// </summary>
sealed class AuthorizePaymentHandler(PaymentsContext context, IPaymentProvider provider, IOutbox outbox, TimeProvider time)
    : IMessageHandler<AuthorizePayment>
{
    public async Task HandleAsync(AuthorizePayment message, MessageContext messageContext, CancellationToken cancellationToken)
    {
        await context.LockOrderAsync(message.OrderId, cancellationToken);
        var payment = await context.Payments.SingleOrDefaultAsync(p => p.OrderId == message.OrderId, cancellationToken)
            ?? await AuthorizeAsync(message, cancellationToken);
        outbox.EnqueueAuthorizeOutcome(payment, messageContext.Envelope);
    }

    async Task<Payment> AuthorizeAsync(AuthorizePayment message, CancellationToken cancellationToken)
    {
        // A malformed command is the saga's bug, answered as a decline rather than sent to the provider.
        var declineReason = message.Amount <= 0 || string.IsNullOrWhiteSpace(message.Currency) || string.IsNullOrWhiteSpace(message.UserId)
            ? "The payment needs a positive amount, a currency and a user."
            : await provider.AuthorizeAsync(message.OrderId, message.UserId, message.Amount, message.Currency, cancellationToken);

        var now = time.GetUtcNow();
        return context.Payments.Add(new Payment
        {
            Id = Guid.CreateVersion7(now),
            OrderId = message.OrderId,
            UserId = message.UserId,
            Amount = message.Amount,
            Currency = message.Currency,
            Status = declineReason is null ? PaymentStatus.Authorized : PaymentStatus.Declined,
            DeclineReason = declineReason,
            CreatedAt = now,
        }).Entity;
    }
}

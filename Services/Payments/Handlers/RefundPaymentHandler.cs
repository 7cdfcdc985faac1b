using CloudNative.Contracts;
using CloudNative.Messaging.Consuming;
using CloudNative.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Payments.Api.Infrastructure;
using Payments.Api.Model;
using Payments.Api.Provider;

namespace Payments.Api.Handlers;

/// <summary>
/// Refunds an order's charge once and answers PaymentRefunded, also when there was nothing to refund (declined, or
/// never authorized): the saga's compensation is done either way. An order refunded before any authorization gets a
/// voided payment, so an AuthorizePayment arriving after its order was given up is declined instead of charged.
/// </summary>
sealed class RefundPaymentHandler(PaymentsContext context, IPaymentProvider provider, IOutbox outbox, TimeProvider time)
    : IMessageHandler<RefundPayment>
{
    public async Task HandleAsync(RefundPayment message, MessageContext messageContext, CancellationToken cancellationToken)
    {
        await context.LockOrderAsync(message.OrderId, cancellationToken);
        var payment = await context.Payments.SingleOrDefaultAsync(p => p.OrderId == message.OrderId, cancellationToken);
        if (payment is null)
        {
            var now = time.GetUtcNow();
            payment = context.Payments.Add(new Payment
            {
                Id = Guid.CreateVersion7(now),
                OrderId = message.OrderId,
                // Nothing was asked for, so nothing is known but the order.
                UserId = "",
                Amount = 0,
                Currency = "",
                Status = PaymentStatus.Voided,
                CreatedAt = now,
                RefundedAt = now,
            }).Entity;
        }
        else if (payment.Status == PaymentStatus.Authorized)
        {
            await provider.RefundAsync(payment.OrderId, payment.Amount, payment.Currency, cancellationToken);
            payment.Status = PaymentStatus.Refunded;
            payment.RefundedAt = time.GetUtcNow();
        }

        outbox.Enqueue(Topics.PaymentEvents, message.OrderId.ToString(), new PaymentRefunded(message.OrderId, payment.Id), messageContext.Envelope);
    }
}

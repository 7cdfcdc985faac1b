using Microsoft.EntityFrameworkCore;

namespace Payments.Api.Infrastructure;

static class OrderLock
{
    /// <summary>
    /// Serialises the handling of one order until the transaction ends. The provider is called before the payment
    /// row is written, so the unique order id alone would only stop the second row, after a second charge:
    /// under this lock the second handler waits, then finds the first one's payment.
    /// </summary>
    public static async Task LockOrderAsync(this PaymentsContext context, Guid orderId, CancellationToken cancellationToken)
    {
        // Any 64 bits of the id do: a collision only makes two orders wait for each other.
        var key = BitConverter.ToInt64(orderId.ToByteArray(), 8);
        await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", cancellationToken);
    }
}

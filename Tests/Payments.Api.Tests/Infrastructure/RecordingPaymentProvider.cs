using System.Collections.Concurrent;
using Payments.Api.Provider;

namespace Payments.Api.Tests.Infrastructure;

/// <summary>The service's own simulated provider, with a record of every call it got: "charged once" is a count.</summary>
sealed class RecordingPaymentProvider(IPaymentProvider provider) : IPaymentProvider
{
    readonly ConcurrentQueue<(string Operation, Guid OrderId, bool Answered)> calls = new();

    public int Authorizations(Guid orderId, bool answered = true) => Count(nameof(AuthorizeAsync), orderId, answered);

    public int Refunds(Guid orderId, bool answered = true) => Count(nameof(RefundAsync), orderId, answered);

    public int Failures(Guid orderId) => calls.Count(c => c.OrderId == orderId && !c.Answered);

    public async Task<string?> AuthorizeAsync(Guid orderId, string userId, decimal amount, string currency, CancellationToken cancellationToken) =>
        await RecordAsync(nameof(AuthorizeAsync), orderId, () => provider.AuthorizeAsync(orderId, userId, amount, currency, cancellationToken));

    public async Task RefundAsync(Guid orderId, decimal amount, string currency, CancellationToken cancellationToken) =>
        await RecordAsync(nameof(RefundAsync), orderId, async () =>
        {
            await provider.RefundAsync(orderId, amount, currency, cancellationToken);
            return 0;
        });

    async Task<T> RecordAsync<T>(string operation, Guid orderId, Func<Task<T>> call)
    {
        try
        {
            var result = await call();
            calls.Enqueue((operation, orderId, true));
            return result;
        }
        catch (PaymentProviderUnavailableException)
        {
            calls.Enqueue((operation, orderId, false));
            throw;
        }
    }

    int Count(string operation, Guid orderId, bool answered) => calls.Count(c => c.Operation == operation && c.OrderId == orderId && c.Answered == answered);
}

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Payments.Api.Provider;

/// <summary>A stand-in for the card processor: latency, declines and failures as <see cref="PaymentProviderOptions"/> say.</summary>
sealed class SimulatedPaymentProvider(IOptionsMonitor<PaymentProviderOptions> options, TimeProvider time) : IPaymentProvider
{
    readonly ConcurrentDictionary<Guid, int> callsPerOrder = new();

    public async Task<string?> AuthorizeAsync(Guid orderId, string userId, decimal amount, string currency, CancellationToken cancellationToken)
    {
        var settings = await CallAsync(orderId, cancellationToken);
        if (settings.DeclineAbove is { } limit && amount > limit)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The amount exceeds the card's limit of {limit} {currency}.");
        }

        if (settings.DeclineUsers.Contains(userId, StringComparer.Ordinal))
        {
            return "The card was declined.";
        }

        return Random.Shared.NextDouble() < settings.DeclineRate ? "The card was declined by the issuer." : null;
    }

    public async Task RefundAsync(Guid orderId, decimal amount, string currency, CancellationToken cancellationToken) =>
        await CallAsync(orderId, cancellationToken);

    // The latency, then an outage if one is configured; returns the settings of this call, read once.
    async Task<PaymentProviderOptions> CallAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.Latency > TimeSpan.Zero)
        {
            await Task.Delay(settings.Latency, time, cancellationToken);
        }

        var outage = settings.FailuresPerOrder > 0 && callsPerOrder.AddOrUpdate(orderId, 1, static (_, n) => n + 1) <= settings.FailuresPerOrder;
        if (outage || Random.Shared.NextDouble() < settings.FailureRate)
        {
            throw new PaymentProviderUnavailableException($"The payment provider did not answer for order {orderId}.");
        }

        return settings;
    }
}

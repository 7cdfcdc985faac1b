using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ordering.Api.Serialization;

namespace Ordering.Api.Apis;

/// <summary>The checkout body: the items to order. An empty body checks out the caller's basket instead.</summary>
public sealed record CheckoutRequest(IReadOnlyList<CheckoutItem>? Items)
{
    /// <summary>
    /// What an Idempotency-Key is bound to: the request as parsed (so whitespace or property order does not count),
    /// or "basket" for an empty body, whatever the basket held. SHA-256, hex.
    /// </summary>
    public static string Hash(CheckoutRequest? request)
    {
        var canonical = request is null ? "basket" : JsonSerializer.Serialize(request, OrderingJsonContext.Default.CheckoutRequest);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

public sealed record CheckoutItem(int ProductId, int Quantity);

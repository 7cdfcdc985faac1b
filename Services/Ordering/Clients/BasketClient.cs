using System.Net.Http.Json;
using CloudNative.ServiceDefaults.Gateway;
using Ordering.Api.Apis;
using Ordering.Api.Serialization;

namespace Ordering.Api.Clients;

/// <summary>The caller's basket from the Basket service (http://basket), read on their behalf with the gateway's user header.</summary>
public sealed class BasketClient(HttpClient http)
{
    /// <exception cref="DependencyUnavailableException">The basket service did not answer with a basket.</exception>
    public async Task<IReadOnlyList<CheckoutItem>> GetItemsAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Request(HttpMethod.Get, userId);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DependencyUnavailableException("basket");
            }

            var basket = await response.Content.ReadFromJsonAsync(OrderingJsonContext.Default.CheckoutRequest, cancellationToken);
            return basket?.Items ?? [];
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                          && !cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException("basket", exception);
        }
    }

    /// <summary>Empties the basket after its checkout. A failure only leaves the basket as it was; the order stands.</summary>
    public async Task<bool> TryClearAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            using var request = Request(HttpMethod.Delete, userId);
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string userId) =>
        new(method, "/api/basket") { Headers = { { GatewayHeaders.UserId, userId } } };
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gateway.Api.Tests;

namespace CloudNative.IntegrationTests;

/// <summary>Checkouts through the gateway and their outcome, as a signed-in customer sees them.</summary>
internal static class OrderRequests
{
    // Generous: on a loaded 2-core machine the saga's hops queue behind every service's start-up work.
    public static readonly TimeSpan Saga = TimeSpan.FromSeconds(120);

    public static string Items(params (int ProductId, int Quantity)[] lines) =>
        JsonSerializer.Serialize(new { items = lines.Select(l => new { productId = l.ProductId, quantity = l.Quantity }) });

    /// <summary>Checks out and expects 202 Accepted; returns the order's location.</summary>
    public static async Task<string> CheckoutAsync(this HttpClient gateway, string? body, string? idempotencyKey = null)
    {
        using var response = await gateway.PostOrderAsync(body, idempotencyKey);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    public static Task<HttpResponseMessage> PostOrderAsync(this HttpClient gateway, string? body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = body is null ? null : Json(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return gateway.SendAsync(request);
    }

    public static Guid OrderId(string location) => Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);

    /// <summary>Waits for the order to be confirmed or cancelled and returns it.</summary>
    public static async Task<JsonElement> TerminalAsync(this HttpClient gateway, string location, TimeSpan? bound = null)
    {
        JsonElement order = default;
        await Until.TrueAsync(async () =>
        {
            order = await gateway.GetFromJsonAsync<JsonElement>(location);
            return order.Status() is "Confirmed" or "Cancelled";
        }, bound ?? Saga);
        return order;
    }

    public static string? Status(this JsonElement order) => order.GetProperty("status").GetString();

    /// <summary>The order's history: its event types in version order.</summary>
    public static async Task<List<string>> EventTypesAsync(this HttpClient gateway, string location)
    {
        using var history = JsonDocument.Parse(await gateway.GetStringAsync($"{location}/events"));
        return [.. history.RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];
    }

    /// <summary>Waits until the order's history holds <paramref name="type"/> (a compensation's acknowledgement) and returns it.</summary>
    public static async Task<List<string>> EventTypesOnceAsync(this HttpClient gateway, string location, string type, TimeSpan? bound = null)
    {
        List<string> types = [];
        await Until.TrueAsync(async () => (types = await gateway.EventTypesAsync(location)).Contains(type), bound ?? Saga);
        return types;
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

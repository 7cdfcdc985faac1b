using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CloudNative.Messaging.Tests.Infrastructure;

namespace Ordering.Api.Tests.Infrastructure;

/// <summary>The calls the tests make, over the app's in-memory HTTP pipeline.</summary>
public static class OrderingHttp
{
    public static Task<HttpResponseMessage> CheckoutAsync(this HttpClient client, string? json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(request);
    }

    public static string Items(params (int ProductId, int Quantity)[] items) =>
        JsonSerializer.Serialize(new { items = items.Select(i => new { productId = i.ProductId, quantity = i.Quantity }) });

    /// <summary>Checks out and returns the accepted order's id, asserting the 202 and its Location.</summary>
    public static async Task<Guid> CheckoutAcceptedAsync(this HttpClient client, string? json, string? idempotencyKey = null)
    {
        using var response = await client.CheckoutAsync(json, idempotencyKey);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/orders/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    public static async Task<JsonElement> GetOrderAsync(this HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/orders/{id}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Status(this JsonElement order) => order.GetProperty("status").GetString()!;

    /// <summary>Waits, bounded, until the order reaches a final status, and returns it.</summary>
    public static Task<JsonElement> WaitForFinalAsync(this HttpClient client, Guid id) =>
        Eventually.WaitForAsync(() => client.GetOrderAsync(id), o => o.Status() is "Confirmed" or "Cancelled", $"order {id} to end");

    public static async Task<List<string>> EventTypesAsync(this HttpClient client, Guid id)
    {
        var events = await client.GetFromJsonAsync<JsonElement>($"/api/orders/{id}/events");
        return [.. events.EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];
    }

    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}

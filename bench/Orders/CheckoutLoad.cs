using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace CloudNative.Bench.Orders;

/// <summary>
/// Workers that each post one checkout at a time through the gateway, as the demo customer, every order with its
/// own Idempotency-Key and one to three products; optionally paced so that all together send a fixed rate.
/// </summary>
internal sealed class CheckoutLoad(Uri gateway, string token, IReadOnlyList<int> products, string keyPrefix)
{
    private long _sequence;

    public async Task<IReadOnlyList<Checkout>> RunAsync(int concurrency, TimeSpan duration, int rate, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false }) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = DemoCustomer.Bearer(token);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var done = new List<Checkout>();
            var random = new Random(worker);
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var sequence = Interlocked.Increment(ref _sequence);
                if (rate > 0 && TimeSpan.FromSeconds((double)sequence / rate) - clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                done.Add(await PostAsync(http, $"{keyPrefix}-{sequence.ToString(CultureInfo.InvariantCulture)}", random, cancellationToken));
            }

            return done;
        }, cancellationToken)).ToList();
        return [.. (await Task.WhenAll(workers)).SelectMany(w => w)];
    }

    public async Task<Checkout> PostAsync(HttpClient http, string key, Random random, CancellationToken cancellationToken)
    {
        var items = products.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(p => new Item(p, random.Next(1, 3))).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(new Body(items)) };
        request.Headers.Add("Idempotency-Key", key);
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var order = response.StatusCode == HttpStatusCode.Accepted ? await response.Content.ReadFromJsonAsync<Accepted>(cancellationToken) : null;
            return new Checkout(key, startedAt, (int)response.StatusCode, order?.Id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (HttpRequestException)
        {
            return new Checkout(key, startedAt, 0, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Checkout(key, startedAt, 0, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private sealed record Item([property: JsonPropertyName("productId")] int ProductId, [property: JsonPropertyName("quantity")] int Quantity);

    private sealed record Body([property: JsonPropertyName("items")] IReadOnlyList<Item> Items);

    private sealed record Accepted([property: JsonPropertyName("id")] Guid Id);
}

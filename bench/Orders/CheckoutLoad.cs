using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace CloudNative.Bench.Orders;

/// <summary>
/// Workers that each post one checkout at a time through the gateway, as the demo customer, every order with its
/// own Idempotency-Key and one to three products; optionally paced so that all together send a fixed rate. Every
/// <see cref="ResendEvery"/>th checkout goes out twice at once with the same key and body, as a client retrying
/// after a timeout would: both must get the same order. A checkout refused with Retry-After holds its worker back that long.
/// </summary>
internal sealed class CheckoutLoad(Uri gateway, string token, IReadOnlyList<int> products, string keyPrefix)
{
    public const int ResendEvery = 10;

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

                var key = $"{keyPrefix}-{sequence.ToString(CultureInfo.InvariantCulture)}";
                var items = Items(random);
                Checkout[] answers = sequence % ResendEvery == 0
                    ? await Task.WhenAll(PostAsync(http, key, items, cancellationToken), PostAsync(http, key, items, cancellationToken))
                    : [await PostAsync(http, key, items, cancellationToken)];
                done.AddRange(answers);
                // A well-behaved client: refused for now (503), it comes back when told to.
                if (answers.Max(a => a.RetryAfter) is { } retryAfter)
                {
                    await Task.Delay(retryAfter, cancellationToken);
                }
            }

            return done;
        }, cancellationToken)).ToList();
        return [.. (await Task.WhenAll(workers)).SelectMany(w => w)];
    }

    public IReadOnlyList<Item> Items(Random random) =>
        [.. products.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(p => new Item(p, random.Next(1, 3)))];

    public static async Task<Checkout> PostAsync(HttpClient http, string key, IReadOnlyList<Item> items, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(new Body(items)) };
        request.Headers.Add("Idempotency-Key", key);
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                var problem = await response.Content.ReadAsStringAsync(cancellationToken);
                return new Checkout(key, startedAt, (int)response.StatusCode, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds, problem[..Math.Min(problem.Length, 300)],
                    response.Headers.RetryAfter?.Delta);
            }

            var order = await response.Content.ReadFromJsonAsync<Accepted>(cancellationToken);
            return new Checkout(key, startedAt, (int)response.StatusCode, order?.Id, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (HttpRequestException exception)
        {
            return new Checkout(key, startedAt, 0, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds, exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Checkout(key, startedAt, 0, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public sealed record Item([property: JsonPropertyName("productId")] int ProductId, [property: JsonPropertyName("quantity")] int Quantity);

    private sealed record Body([property: JsonPropertyName("items")] IReadOnlyList<Item> Items);

    private sealed record Accepted([property: JsonPropertyName("id")] Guid Id);
}

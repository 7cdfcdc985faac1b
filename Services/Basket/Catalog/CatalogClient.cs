using System.Net.Http.Json;
using System.Text.Json;
using Basket.Api.Serialization;
using Polly;

namespace Basket.Api.Catalog;

// The catalog service over HTTP, found by service discovery; ServiceDefaults gives every HttpClient the standard
// resilience handler (timeouts, retries, circuit breaker).
public sealed class CatalogClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new("http://catalog");

    // The most ids the catalog's GET /api/catalog/items/by takes in one request.
    const int MaxIdsPerRequest = 100;

    public async Task<IReadOnlySet<int>> FindExistingAsync(IReadOnlyCollection<int> productIds, CancellationToken cancellationToken)
    {
        var existing = new HashSet<int>();
        try
        {
            foreach (var chunk in productIds.Chunk(MaxIdsPerRequest))
            {
                var products = await http.GetFromJsonAsync(
                    $"/api/catalog/items/by?{string.Join('&', chunk.Select(id => $"ids={id}"))}",
                    BasketJsonContext.Default.ListCatalogProduct,
                    cancellationToken);
                existing.UnionWith((products ?? throw new JsonException("The catalog answered null.")).Select(p => p.Id));
            }
        }
        // HttpRequestException: unreachable or an error status; ExecutionRejectedException: Polly's timeout or open
        // circuit; JsonException: an answer that is not the catalog's.
        catch (Exception exception) when (exception is HttpRequestException or ExecutionRejectedException or JsonException)
        {
            throw new CatalogUnavailableException(exception);
        }

        return existing;
    }
}

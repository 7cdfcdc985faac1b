using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Ordering.Api.Serialization;

namespace Ordering.Api.Clients;

/// <summary>
/// Checks products against the catalog (http://catalog), which owns them, before an order is accepted. Products the
/// catalog knew are remembered for a minute, so most checkouts make no call: the check only turns a typo into a 400
/// early. The saga's stock reservation is the authority, and rejects a product retired since (the order is cancelled).
/// </summary>
public sealed class CatalogClient(HttpClient http, IMemoryCache cache)
{
    // The catalog's bound on ids per lookup (its page size); an order has at most OrderingOptions.MaxLines lines.
    private const int MaxIdsPerLookup = 100;

    private static readonly TimeSpan RememberKnownFor = TimeSpan.FromMinutes(1);

    /// <summary>The ids among <paramref name="productIds"/> that the catalog does not know, in one lookup per 100 ids not remembered.</summary>
    /// <exception cref="DependencyUnavailableException">The catalog did not answer, or answered other than 2xx.</exception>
    public async Task<IReadOnlyList<int>> FindUnknownAsync(IEnumerable<int> productIds, CancellationToken cancellationToken)
    {
        var requested = productIds.Distinct().Order().ToList();
        var notRemembered = requested.Where(id => !cache.TryGetValue(new KnownProduct(id), out _)).ToList();
        HashSet<int> known = [];
        foreach (var ids in notRemembered.Chunk(MaxIdsPerLookup))
        {
            known.UnionWith(await FindKnownAsync(ids, cancellationToken));
        }

        foreach (var id in known)
        {
            cache.Set(new KnownProduct(id), true, RememberKnownFor);
        }

        return [.. notRemembered.Where(id => !known.Contains(id))];
    }

    // The catalog leaves out the ids it does not know.
    private async Task<IEnumerable<int>> FindKnownAsync(int[] ids, CancellationToken cancellationToken)
    {
        var query = string.Join('&', ids.Select(id => string.Create(CultureInfo.InvariantCulture, $"ids={id}")));
        try
        {
            var items = await http.GetFromJsonAsync($"/api/catalog/items/by?{query}", OrderingJsonContext.Default.ListCatalogProduct, cancellationToken);
            return items?.Select(i => i.Id) ?? [];
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException("catalog", exception);
        }
    }

    private sealed record KnownProduct(int Id);
}

using System.Net;

namespace Ordering.Api.Clients;

/// <summary>Checks products against the catalog (http://catalog), which owns them, before an order is accepted.</summary>
public sealed class CatalogClient(HttpClient http)
{
    // Bounded fan-out: an order of many lines must not open as many connections at once.
    private const int Parallelism = 8;

    /// <summary>The ids among <paramref name="productIds"/> that the catalog does not know.</summary>
    /// <exception cref="DependencyUnavailableException">The catalog did not answer, or answered neither 2xx nor 404.</exception>
    public async Task<IReadOnlyList<int>> FindUnknownAsync(IEnumerable<int> productIds, CancellationToken cancellationToken)
    {
        List<int> unknown = [];
        await Parallel.ForEachAsync(productIds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (id, ct) =>
            {
                if (!await ExistsAsync(id, ct))
                {
                    lock (unknown)
                    {
                        unknown.Add(id);
                    }
                }
            });
        unknown.Sort();
        return unknown;
    }

    private async Task<bool> ExistsAsync(int productId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"/api/catalog/items/{productId}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }

            return response.IsSuccessStatusCode ? true : throw new DependencyUnavailableException("catalog");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException("catalog", exception);
        }
    }
}

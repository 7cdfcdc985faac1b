using Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Infrastructure.Seed;

// Adds whatever part of the starter catalogue is missing, matched by name, so running it again
// (another replica, a restart, a newer seed list) inserts nothing twice and never touches edited rows.
public class CatalogContextSeed(ILogger<CatalogContextSeed> logger)
{
    public async Task<int> SeedAsync(CatalogContext context, CancellationToken cancellationToken)
    {
        // Tracked, so new items can point at new or existing brands and types and one SaveChanges inserts all.
        var brands = await context.CatalogBrands.ToDictionaryAsync(b => b.Brand, cancellationToken);
        foreach (var name in SelectMissing(CatalogSeedData.Brands, brands.Keys.ToHashSet(), b => b))
        {
            brands[name] = context.CatalogBrands.Add(new CatalogBrand { Brand = name }).Entity;
        }

        var types = await context.CatalogTypes.ToDictionaryAsync(t => t.Type, cancellationToken);
        foreach (var name in SelectMissing(CatalogSeedData.Types, types.Keys.ToHashSet(), t => t))
        {
            types[name] = context.CatalogTypes.Add(new CatalogType { Type = name }).Entity;
        }

        var existingItems = (await context.CatalogItems.Select(i => i.Name).ToListAsync(cancellationToken)).ToHashSet();
        var newItems = SelectMissing(CatalogSeedData.Items, existingItems, i => i.Name);
        foreach (var item in newItems)
        {
            context.CatalogItems.Add(new CatalogItem
            {
                Name = item.Name,
                Description = item.Description,
                Price = item.Price,
                AvailableStock = item.AvailableStock,
                CatalogBrand = brands[item.Brand],
                CatalogType = types[item.Type],
            });
        }

        await context.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Catalog seed added {Count} of {Total} items", newItems.Count, CatalogSeedData.Items.Count);
        return newItems.Count;
    }

    // The idempotency rule, kept pure so it is testable without a database.
    internal static IReadOnlyList<T> SelectMissing<T>(IEnumerable<T> seed, IReadOnlySet<string> existingNames, Func<T, string> nameOf) =>
        seed.Where(s => !existingNames.Contains(nameOf(s))).ToList();
}

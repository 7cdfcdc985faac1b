namespace Catalog.Api.Caching;

// One place for cache keys and tags, so a later write path invalidates exactly what the read path cached.
// Redis keys get the "catalog:" prefix from RedisCacheOptions.InstanceName.
static class CatalogCacheKeys
{
    // Every cached item read carries this tag: a write to any item changes pages and single items alike,
    // so a writer calls HybridCache.RemoveByTagAsync(ItemsTag).
    public const string ItemsTag = "items";

    public static readonly string[] ItemsTags = [ItemsTag];

    public static string Item(int id) => $"items:{id}";

    public static string ItemsPage(int pageIndex, int pageSize) => $"items:page:{pageIndex}:{pageSize}";
}

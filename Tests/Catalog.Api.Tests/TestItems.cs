using Catalog.Api.Model;

namespace Catalog.Api.Tests;

static class TestItems
{
    public static CatalogItem Boots() => new()
    {
        Id = 1,
        Name = "Wanderer Black Hiking Boots",
        Description = "Waterproof leather boots.",
        Price = 109.99m,
        AvailableStock = 120,
        CatalogBrandId = 1,
        CatalogBrand = new CatalogBrand { Id = 1, Brand = "Daybird" },
        CatalogTypeId = 1,
        CatalogType = new CatalogType { Id = 1, Type = "Footwear" },
    };
}

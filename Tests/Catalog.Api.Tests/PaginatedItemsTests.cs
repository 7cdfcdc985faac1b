using System.Text.Json;
using Catalog.Api.Model;
using Catalog.Api.Serialization;

namespace Catalog.Api.Tests;

public class PaginatedItemsTests
{
    [Fact]
    public void Serializes_to_the_documented_camel_case_shape()
    {
        var page = new PaginatedItems<CatalogItem>(2, 3, 42, [TestItems.Boots()]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(page, CatalogJsonContext.Default.PaginatedItemsCatalogItem));
        var root = json.RootElement;

        Assert.Equal(["pageIndex", "pageSize", "count", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("pageIndex").GetInt32());
        Assert.Equal(3, root.GetProperty("pageSize").GetInt32());
        Assert.Equal(42, root.GetProperty("count").GetInt64());

        var item = Assert.Single(root.GetProperty("data").EnumerateArray());
        Assert.Equal("Wanderer Black Hiking Boots", item.GetProperty("name").GetString());
        Assert.Equal(109.99m, item.GetProperty("price").GetDecimal());
        Assert.Equal("Daybird", item.GetProperty("catalogBrand").GetProperty("brand").GetString());
        Assert.Equal("Footwear", item.GetProperty("catalogType").GetProperty("type").GetString());
    }

    [Fact]
    public void Round_trips_through_json_as_the_cache_stores_it()
    {
        var page = new PaginatedItems<CatalogItem>(0, 10, 1, [TestItems.Boots()]);

        var json = JsonSerializer.Serialize(page, CatalogJsonContext.Default.PaginatedItemsCatalogItem);
        var copy = JsonSerializer.Deserialize(json, CatalogJsonContext.Default.PaginatedItemsCatalogItem);

        Assert.NotNull(copy);
        Assert.Equal((0, 10, 1L), (copy.PageIndex, copy.PageSize, copy.Count));
        var item = Assert.Single(copy.Data);
        Assert.Equal(page.Data.Single().Name, item.Name);
        Assert.Equal(page.Data.Single().CatalogBrand!.Brand, item.CatalogBrand!.Brand);
    }
}

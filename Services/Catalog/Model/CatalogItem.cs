namespace Catalog.Api.Model;

public class CatalogItem
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public decimal Price { get; set; }

    // Stock lives on the item so the checkout saga can reserve it with a single-row update.
    public int AvailableStock { get; set; }

    public int CatalogBrandId { get; set; }

    public CatalogBrand? CatalogBrand { get; set; }

    public int CatalogTypeId { get; set; }

    public CatalogType? CatalogType { get; set; }
}

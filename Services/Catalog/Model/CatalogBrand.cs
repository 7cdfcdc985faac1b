namespace Catalog.Api.Model;

public class CatalogBrand
{
    public int Id { get; set; }

    public required string Brand { get; set; }
}

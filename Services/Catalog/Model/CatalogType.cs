namespace Catalog.Api.Model;

public class CatalogType
{
    public int Id { get; set; }

    public required string Type { get; set; }
}

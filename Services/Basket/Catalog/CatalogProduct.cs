namespace Basket.Api.Catalog;

// The part of the catalog's CatalogItem the basket reads; the rest of the item is ignored.
public record CatalogProduct(int Id);

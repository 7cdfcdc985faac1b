namespace Ordering.Api.Clients;

/// <summary>What Ordering reads of a catalog item: that it exists.</summary>
public sealed record CatalogProduct(int Id);

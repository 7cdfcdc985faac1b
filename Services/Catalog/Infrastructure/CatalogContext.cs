using Catalog.Api.Infrastructure.EntityConfigurations;
using Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Api.Infrastructure;

public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
{
    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();

    public DbSet<CatalogBrand> CatalogBrands => Set<CatalogBrand>();

    public DbSet<CatalogType> CatalogTypes => Set<CatalogType>();

    public DbSet<StockReservation> StockReservations => Set<StockReservation>();

    // Set by writes the change tracker does not see (ExecuteUpdate on stock); CatalogItemsCacheInvalidator
    // takes it once the transaction commits. One left behind by a rolled-back attempt costs one extra invalidation.
    internal bool ItemsChanged { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.ApplyConfiguration(new CatalogBrandEntityTypeConfiguration());
        builder.ApplyConfiguration(new CatalogTypeEntityTypeConfiguration());
        builder.ApplyConfiguration(new CatalogItemEntityTypeConfiguration());
        builder.ApplyConfiguration(new StockReservationEntityTypeConfiguration());
        builder.AddOutbox();
        builder.AddInbox();
    }
}

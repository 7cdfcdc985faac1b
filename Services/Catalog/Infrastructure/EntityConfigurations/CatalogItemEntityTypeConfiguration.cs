using Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Api.Infrastructure.EntityConfigurations;

class CatalogItemEntityTypeConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> builder)
    {
        builder.ToTable("Catalog");

        builder.Property(ci => ci.Name).HasMaxLength(100);

        builder.Property(ci => ci.Description).HasMaxLength(1000);

        // Money: exact decimal, never floating point.
        builder.Property(ci => ci.Price).HasPrecision(18, 2);

        // Restrict: retiring a brand or type must not silently delete its products.
        builder.HasOne(ci => ci.CatalogBrand).WithMany().HasForeignKey(ci => ci.CatalogBrandId).OnDelete(DeleteBehavior.Restrict);

        builder.HasOne(ci => ci.CatalogType).WithMany().HasForeignKey(ci => ci.CatalogTypeId).OnDelete(DeleteBehavior.Restrict);

        // The list endpoint orders by name, and the seeder matches items by name.
        builder.HasIndex(ci => ci.Name).IsUnique();
    }
}

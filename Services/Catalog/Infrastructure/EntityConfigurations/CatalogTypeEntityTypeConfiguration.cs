using Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Api.Infrastructure.EntityConfigurations;

class CatalogTypeEntityTypeConfiguration : IEntityTypeConfiguration<CatalogType>
{
    public void Configure(EntityTypeBuilder<CatalogType> builder)
    {
        builder.ToTable("CatalogType");

        builder.Property(ct => ct.Type).HasMaxLength(100);

        // The seeder matches types by name, so a name must be unique.
        builder.HasIndex(ct => ct.Type).IsUnique();
    }
}

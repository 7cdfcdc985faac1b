using Catalog.Api.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Catalog.Api.Infrastructure.EntityConfigurations;

class StockReservationEntityTypeConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> builder)
    {
        builder.ToTable("StockReservations");

        // One reservation per order: two handlers racing for one order cannot both insert, so the loser's whole
        // transaction (its stock updates included) rolls back and its retry answers from the winner's row.
        builder.HasKey(r => r.OrderId);

        // Readable in psql and stable if the enum is ever reordered.
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);

        builder.Property(r => r.Reason).HasMaxLength(200);

        builder.OwnsMany(r => r.Lines, line =>
        {
            line.ToTable("StockReservationLines");
            line.WithOwner().HasForeignKey(l => l.OrderId);
            line.HasKey(l => new { l.OrderId, l.ProductId });
            line.Property(l => l.ProductId).ValueGeneratedNever();
            line.Property(l => l.UnitPrice).HasPrecision(18, 2);
        });
    }
}

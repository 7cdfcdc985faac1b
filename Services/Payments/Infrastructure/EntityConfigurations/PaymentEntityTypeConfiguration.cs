using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payments.Api.Model;

namespace Payments.Api.Infrastructure.EntityConfigurations;

class PaymentEntityTypeConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments");

        builder.Property(p => p.Id).ValueGeneratedNever();

        // One payment per order, whatever races: the handlers serialise per order, and this is the backstop.
        builder.HasIndex(p => p.OrderId).IsUnique();

        builder.Property(p => p.UserId).HasMaxLength(200);

        // Money: exact decimal, never floating point.
        builder.Property(p => p.Amount).HasPrecision(18, 2);

        // ISO 4217 codes are three letters; a little room for whatever the saga sends.
        builder.Property(p => p.Currency).HasMaxLength(8);

        // Readable in psql and stable if the enum is ever reordered.
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);

        builder.Property(p => p.DeclineReason).HasMaxLength(200);
    }
}

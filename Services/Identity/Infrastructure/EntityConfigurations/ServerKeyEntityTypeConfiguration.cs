using Identity.Api.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Identity.Api.Infrastructure.EntityConfigurations;

class ServerKeyEntityTypeConfiguration : IEntityTypeConfiguration<ServerKey>
{
    public void Configure(EntityTypeBuilder<ServerKey> builder)
    {
        builder.ToTable("ServerKeys");
        builder.Property(k => k.Id).HasMaxLength(64);
        builder.Property(k => k.Use).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(k => new { k.Use, k.CreatedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Payments.Api.Infrastructure.EntityConfigurations;
using Payments.Api.Model;

namespace Payments.Api.Infrastructure;

public class PaymentsContext(DbContextOptions<PaymentsContext> options) : DbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.ApplyConfiguration(new PaymentEntityTypeConfiguration());
        builder.AddOutbox();
        builder.AddInbox();
    }
}

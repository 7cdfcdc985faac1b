using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Payments.Api.Infrastructure;

// Lets `dotnet ef migrations add` build the model without booting the app (which needs Postgres, Kafka and the
// AppHost's environment). Migrations are generated offline, so the connection string is never opened.
class PaymentsContextDesignFactory : IDesignTimeDbContextFactory<PaymentsContext>
{
    public PaymentsContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PaymentsContext>().UseNpgsql("Host=localhost;Database=paymentsdb").Options);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ordering.Api.Infrastructure;

// Lets `dotnet ef migrations add` build the model without booting the app (which needs Postgres, Kafka and the
// AppHost's environment). Migrations are generated offline, so the connection string is never opened.
class OrderingContextDesignFactory : IDesignTimeDbContextFactory<OrderingContext>
{
    public OrderingContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<OrderingContext>().UseNpgsql("Host=localhost;Database=orderingdb").Options);
}

using CloudNative.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Ordering.Api.Infrastructure;

namespace Ordering.Api.Tests;

public class OrderingMigrationsTests : OutboxServiceMigrationsTests<OrderingContext>
{
    protected override OrderingContext CreateContext() =>
        new(new DbContextOptionsBuilder<OrderingContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=orderingdb").Options);
}

using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace CloudNative.Messaging.Tests.Infrastructure;

public sealed record OrderPlaced(string OrderId, int Sequence);

// Registered but handled by no test consumer: a topic's other event types are passed over, not dead-lettered.
public sealed record OrderShipped(string OrderId);

[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(OrderShipped))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

/// <summary>A service's state: an order, the state change an outbox message reports.</summary>
public sealed class Order
{
    public required string Id { get; init; }
}

/// <summary>A consumer's effect: one row per applied message, so "applied exactly once" is a row count.</summary>
public sealed class AppliedMessage
{
    public long Id { get; init; }

    public required Guid MessageId { get; init; }

    public required string OrderId { get; init; }

    public required int Sequence { get; init; }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    public DbSet<AppliedMessage> Applied => Set<AppliedMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutbox();
        modelBuilder.AddInbox();
    }
}

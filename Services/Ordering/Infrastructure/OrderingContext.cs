using Microsoft.EntityFrameworkCore;

namespace Ordering.Api.Infrastructure;

public class OrderingContext(DbContextOptions<OrderingContext> options) : DbContext(options)
{
    public const string EventStreamVersionIndex = "IX_OrderEvents_StreamId_Version";

    public DbSet<StoredEvent> Events => Set<StoredEvent>();

    public DbSet<OrderSummary> Orders => Set<OrderSummary>();

    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();

    public DbSet<SagaDeadline> SagaDeadlines => Set<SagaDeadline>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<StoredEvent>(events =>
        {
            events.ToTable("OrderEvents");
            events.HasKey(e => e.Id);
            events.HasIndex(e => new { e.StreamId, e.Version }).IsUnique().HasDatabaseName(EventStreamVersionIndex);
            events.Property(e => e.Type).HasMaxLength(100);
            events.Property(e => e.Data).HasColumnType("jsonb");
            events.Property(e => e.Metadata).HasColumnType("jsonb");
        });

        builder.Entity<OrderSummary>(orders =>
        {
            orders.ToTable("Orders");
            orders.HasKey(o => o.Id);
            orders.Property(o => o.Id).ValueGeneratedNever();
            // "My orders, newest first" reads this index alone.
            orders.HasIndex(o => new { o.UserId, o.SubmittedAt });
            orders.Property(o => o.UserId).HasMaxLength(200);
            orders.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            orders.Property(o => o.Currency).HasMaxLength(3);
            orders.Property(o => o.Total).HasPrecision(18, 2);
            // A complex collection, not owned entities: no synthesized key, so a row built from the order can be updated
            // without being read first (OrderStore).
            orders.ComplexCollection(o => o.Items, items => items.ToJson());
        });

        builder.Entity<IdempotencyKey>(keys =>
        {
            keys.HasKey(k => new { k.UserId, k.Key });
            keys.Property(k => k.UserId).HasMaxLength(200);
            keys.Property(k => k.Key).HasMaxLength(IdempotencyKey.MaxLength);
            keys.Property(k => k.RequestHash).HasMaxLength(64);
        });

        builder.Entity<SagaDeadline>(deadlines =>
        {
            deadlines.HasKey(d => d.OrderId);
            deadlines.HasIndex(d => d.DueAt);
        });

        builder.AddOutbox();
        builder.AddInbox();
    }
}

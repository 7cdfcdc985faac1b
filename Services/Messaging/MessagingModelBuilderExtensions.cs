using CloudNative.Messaging.Inbox;
using CloudNative.Messaging.Outbox;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds the outbox and inbox tables to a service's own model, so its migrations create them next to its state.</summary>
public static class MessagingModelBuilderExtensions
{
    /// <summary>The outbox table; a migration adds its relay's wake-up with <c>migrationBuilder.AddOutboxNotification()</c>.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder, string tableName = OutboxTable.DefaultName)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(tableName);
            outbox.HasKey(m => m.Id);
            outbox.HasIndex(m => m.MessageId).IsUnique();
            // The relay's query, "unpublished in id order", reads this index alone however many published rows remain.
            outbox.HasIndex(m => new { m.PublishedAt, m.Id });
            outbox.Property(m => m.Topic).HasMaxLength(249); // Kafka's own limit for a topic name.
            outbox.Property(m => m.MessageType).HasMaxLength(200);
        });
        return modelBuilder;
    }

    public static ModelBuilder AddInbox(this ModelBuilder modelBuilder, string tableName = "InboxMessages")
    {
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(tableName);
            // The key is the dedup: a second insert of one message for one group fails, whichever replica tries it.
            inbox.HasKey(m => new { m.ConsumerGroup, m.MessageId });
            inbox.Property(m => m.ConsumerGroup).HasMaxLength(249);
            inbox.Property(m => m.MessageType).HasMaxLength(200);
        });
        return modelBuilder;
    }
}

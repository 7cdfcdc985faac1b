using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CloudNative.Messaging.Outbox;

/// <summary>
/// The outbox's SQL names as the service's model maps them (its table name, schema and any naming convention), for
/// the relay's raw SQL, plus the names that tie the relay's replicas together: one advisory lock and one
/// notification channel per outbox table.
/// </summary>
internal sealed class OutboxTable
{
    public const string DefaultName = "OutboxMessages";

    private static readonly ConditionalWeakTable<IModel, OutboxTable> Cache = [];

    private readonly Dictionary<string, string> columns;

    private OutboxTable(IEntityType entity)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        QualifiedName = QualifiedNameOf(table);
        Channel = ChannelOf(table);
        columns = entity.GetProperties().ToDictionary(p => p.Name, p => Quote(p.GetColumnName(table)!));
    }

    public string QualifiedName { get; }

    /// <summary>The LISTEN/NOTIFY channel; also hashed into the advisory lock key, so one name identifies the outbox.</summary>
    public string Channel { get; }

    public string Column(string property) => columns[property];

    public static OutboxTable Of(DbContext context) => Cache.GetValue(context.Model, static model =>
        new OutboxTable(model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException($"The model has no outbox; call modelBuilder.AddOutbox() in OnModelCreating.")));

    public static string QualifiedNameOf(StoreObjectIdentifier table) =>
        table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";

    public static string ChannelOf(StoreObjectIdentifier table) => $"outbox:{table.DisplayName()}";

    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

using CloudNative.Messaging.Outbox;

namespace Microsoft.EntityFrameworkCore.Migrations;

/// <summary>The outbox's relay wake-up (<see cref="OutboxNotification"/>), in a service's migrations.</summary>
public static class OutboxMigrationBuilderExtensions
{
    public static MigrationBuilder AddOutboxNotification(this MigrationBuilder migrationBuilder, string tableName = OutboxTable.DefaultName, string? schema = null)
    {
        migrationBuilder.Sql(OutboxNotification.CreateSql(tableName, schema));
        return migrationBuilder;
    }

    public static MigrationBuilder DropOutboxNotification(this MigrationBuilder migrationBuilder, string tableName = OutboxTable.DefaultName, string? schema = null)
    {
        migrationBuilder.Sql(OutboxNotification.DropSql(tableName, schema));
        return migrationBuilder;
    }
}

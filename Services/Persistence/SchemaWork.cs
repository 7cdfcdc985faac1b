namespace CloudNative.Persistence;

/// <summary>What one start-up did to its database, for the log line that makes a slow start explainable.</summary>
public readonly record struct SchemaWork(int AppliedMigrations, TimeSpan Migrating, TimeSpan Seeding);

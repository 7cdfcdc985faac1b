using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Postgres;

public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    public PostgresServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");

    public IEnumerable<KeyValuePair<string, ReferenceExpression>> GetConnectionProperties() => PostgresConnectionProperties.For(Parent, DatabaseName);
}

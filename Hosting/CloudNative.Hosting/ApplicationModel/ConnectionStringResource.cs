namespace CloudNative.Hosting.ApplicationModel;

/// <summary>A connection string composed from other resources' values (<c>AddConnectionString(name, expression)</c>).</summary>
public sealed class ConnectionStringResource(string name, ReferenceExpression connectionString)
    : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    public ReferenceExpression ConnectionStringExpression { get; } = connectionString;
}

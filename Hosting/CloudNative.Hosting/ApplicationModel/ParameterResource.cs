namespace CloudNative.Hosting.ApplicationModel;

/// <summary>
/// A value supplied at deploy time. In run mode it is read from configuration <c>Parameters:{name}</c>
/// (or <c>ConnectionStrings:{name}</c> for connection-string parameters), else from its default.
/// </summary>
public class ParameterResource(string name, Func<ParameterDefault?, string> valueGetter, bool secret = false)
    : Resource(name), IManifestExpressionProvider, IValueProvider
{
    private readonly Lock _gate = new();
    private string? _value;

    public bool Secret { get; } = secret;

    public ParameterDefault? Default { get; set; }

    /// <summary>Resolved once, so a generated secret is generated and persisted only once.</summary>
    public string Value
    {
        get
        {
            lock (_gate)
            {
                return _value ??= valueGetter(Default);
            }
        }
    }

    public string ValueExpression => $"{{{Name}.value}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => new(Value);
}

/// <summary>A parameter that is itself a connection string (<c>AddConnectionString(name)</c>): written with a <c>connectionString</c> field.</summary>
public sealed class ConnectionStringParameterResource(string name, Func<ParameterDefault?, string> valueGetter)
    : ParameterResource(name, valueGetter, secret: true), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{this}");

    /// <summary>Others refer to it as a connection string (<c>{name.connectionString}</c>); its own entry writes <c>{name.value}</c>.</summary>
    string IManifestExpressionProvider.ValueExpression => $"{{{Name}.connectionString}}";

    ValueTask<string?> IValueProvider.GetValueAsync(CancellationToken cancellationToken) => GetValueAsync(cancellationToken);

    ValueTask<string?> IResourceWithConnectionString.GetConnectionStringAsync(CancellationToken cancellationToken) => GetValueAsync(cancellationToken);
}

namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Produces a value in run mode (a port, a password, a connection string).</summary>
public interface IValueProvider
{
    ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default);
}

/// <summary>Produces the <c>{resource.path}</c> placeholder the manifest uses for the same value.</summary>
public interface IManifestExpressionProvider
{
    string ValueExpression { get; }
}

/// <summary>Lets the model find which resources a value depends on (for validation and the manifest).</summary>
public interface IValueWithReferences
{
    IEnumerable<object> References { get; }
}

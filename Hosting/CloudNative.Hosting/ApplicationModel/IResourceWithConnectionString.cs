namespace CloudNative.Hosting.ApplicationModel;

public interface IResourceWithConnectionString : IResource, IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    ReferenceExpression ConnectionStringExpression { get; }

    /// <summary>Overrides the <c>ConnectionStrings__{name}</c> variable name, when not null.</summary>
    string? ConnectionStringEnvironmentVariable => null;

    /// <summary>The Aspire 13 connection properties a reference spreads as <c>{NAME}_{PROPERTY}</c>.</summary>
    IEnumerable<KeyValuePair<string, ReferenceExpression>> GetConnectionProperties() => [];

    /// <summary>An existing service's configured connection string wins over the one the model would build.</summary>
    ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        this.TryGetLastAnnotation<ExistingConnectionStringAnnotation>(out var existing)
            ? new(existing.ConnectionString)
            : ConnectionStringExpression.GetValueAsync(cancellationToken);

    string IManifestExpressionProvider.ValueExpression => $"{{{Name}.connectionString}}";

    ValueTask<string?> IValueProvider.GetValueAsync(CancellationToken cancellationToken) => GetConnectionStringAsync(cancellationToken);

    IEnumerable<object> IValueWithReferences.References => [ConnectionStringExpression];
}

/// <summary>Marks a backing service that runs elsewhere: the AppHost starts nothing and hands out this connection string.</summary>
public sealed record ExistingConnectionStringAnnotation(string ConnectionString) : IResourceAnnotation;

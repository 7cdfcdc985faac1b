namespace CloudNative.Hosting.ApplicationModel;

/// <summary>
/// Evaluates a resource's environment and argument callbacks. The same callbacks feed run mode
/// (resolved to real values) and the manifest (written as placeholders), so the two cannot drift apart.
/// </summary>
public static class ResourceValues
{
    public static async Task<Dictionary<string, object>> EvaluateEnvironmentAsync(IResource resource, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken = default)
    {
        var context = new EnvironmentCallbackContext(executionContext, resource, cancellationToken: cancellationToken);
        foreach (var annotation in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await annotation.Callback(context).ConfigureAwait(false);
        }

        return context.EnvironmentVariables;
    }

    public static async Task<List<object>> EvaluateArgsAsync(IResource resource, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken = default)
    {
        var context = new CommandLineArgsCallbackContext(executionContext, resource, cancellationToken: cancellationToken);
        foreach (var annotation in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await annotation.Callback(context).ConfigureAwait(false);
        }

        return context.Args;
    }

    /// <summary>The run-mode value: strings as they are, providers resolved (waiting for endpoints to be allocated).</summary>
    public static async ValueTask<string> ResolveAsync(object value, CancellationToken cancellationToken = default) => value switch
    {
        string text => text,
        IValueProvider provider => await provider.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>The manifest form of a value: strings as they are, providers as placeholders.</summary>
    public static string ToManifestExpression(object value) => value switch
    {
        string text => text,
        IManifestExpressionProvider provider => provider.ValueExpression,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public static async Task<Dictionary<string, string>> ResolveEnvironmentAsync(IResource resource, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken = default)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in await EvaluateEnvironmentAsync(resource, executionContext, cancellationToken).ConfigureAwait(false))
        {
            resolved[name] = await ResolveAsync(value, cancellationToken).ConfigureAwait(false);
        }

        return resolved;
    }

    public static async Task<List<string>> ResolveArgsAsync(IResource resource, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken = default)
    {
        var resolved = new List<string>();
        foreach (var value in await EvaluateArgsAsync(resource, executionContext, cancellationToken).ConfigureAwait(false))
        {
            resolved.Add(await ResolveAsync(value, cancellationToken).ConfigureAwait(false));
        }

        return resolved;
    }
}

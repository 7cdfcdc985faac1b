using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting;

/// <summary>Environment variables and arguments for resources that take them.</summary>
public static class EnvironmentBuilderExtensions
{
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string? value) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value ?? string.Empty));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value) where T : IResourceWithEnvironment
    {
        // Recorded so that the model check sees every resource the expression reads, not just WithReference ones.
        foreach (var resource in ValueReferences.ResourcesOf(value))
        {
            builder.WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"));
        }

        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value));
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, EndpointReference endpoint) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new ResourceRelationshipAnnotation(endpoint.Resource, "Reference"))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = endpoint));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new ResourceRelationshipAnnotation(parameter.Resource, "Reference"))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = parameter.Resource));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params object[] args) where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsCallbackAnnotation(list => list.AddRange(args)));
}

using CloudNative.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace CloudNative.Hosting;

public static class ParameterResourceBuilderExtensions
{
    /// <summary>A parameter read from configuration <c>Parameters:{name}</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, parameterDefault => ReadParameter(builder, name, parameterDefault, $"Parameters:{name}"), secret));

    /// <summary>A parameter with a constant default; <paramref name="publishValueAsDefault"/> writes the default to the manifest.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, string value, bool publishValueAsDefault = false, bool secret = false)
    {
        var resource = builder.AddParameter(name, secret);
        resource.Resource.Default = new ConstantParameterDefault(value) { PublishToManifest = publishValueAsDefault };
        return resource;
    }

    /// <summary>A connection string from configuration <c>ConnectionStrings:{name}</c>: an existing service the AppHost does not start.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddConnectionString(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new ConnectionStringParameterResource(name, parameterDefault => ReadParameter(builder, name, parameterDefault, $"ConnectionStrings:{name}")));

    /// <summary>A connection string composed from other resources' values.</summary>
    public static IResourceBuilder<ConnectionStringResource> AddConnectionString(this IDistributedApplicationBuilder builder, string name, ReferenceExpression connectionString) =>
        builder.AddResource(new ConnectionStringResource(name, connectionString));

    /// <summary>
    /// Aspire's generated secret: random in the manifest's eyes, and in run mode persisted to the
    /// AppHost's user secrets so that data directories keep working across restarts.
    /// </summary>
    public static ParameterResource CreateGeneratedParameter(IDistributedApplicationBuilder builder, string name, bool secret, GenerateParameterDefault parameterDefault) =>
        new(name, d => ReadParameter(builder, name, d, $"Parameters:{name}"), secret) { Default = parameterDefault };

    public static ParameterResource CreateDefaultPasswordParameter(IDistributedApplicationBuilder builder, string name, bool special = true) =>
        CreateGeneratedParameter(builder, name, secret: true, new GenerateParameterDefault { MinLength = 22, Special = special });

    private static string ReadParameter(IDistributedApplicationBuilder builder, string name, ParameterDefault? parameterDefault, string configurationKey)
    {
        if (builder.Configuration[configurationKey] is { } configured)
        {
            return configured;
        }

        if (parameterDefault is not null)
        {
            var value = parameterDefault.GetDefaultValue();
            if (parameterDefault is GenerateParameterDefault)
            {
                GeneratedParameterStore.Persist(builder, configurationKey, value);
            }

            return value;
        }

        throw new DistributedApplicationException(
            $"Parameter resource '{name}' could not be used because configuration key '{configurationKey}' is missing and the parameter has no default value. " +
            $"Set it with 'dotnet user-secrets set \"{configurationKey}\" <value> --project AppHost' or the environment variable '{configurationKey.Replace(":", "__", StringComparison.Ordinal)}'.");
    }
}

namespace CloudNative.AppHost;

internal static class ServiceResourceExtensions
{
    /// <summary>
    /// One of our services: readiness from its /health endpoint, and plain HTTP inside the app. The gateway is the
    /// only entry and TLS ends at the ingress when deployed, so no resource asks for the dev certificate and a new
    /// machine's first screen has no certificate warning to act on.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
#pragma warning disable ASPIRECERTIFICATES001 // Experimental in Aspire 13.6: the supported way to opt a project out of the dev certificate.
        builder.AddProject<TProject>(name)
            .WithoutHttpsCertificate()
#pragma warning restore ASPIRECERTIFICATES001
            .WithHttpHealthCheck("/health")
            .WithBuiltAssemblyLaunch()
            .WithTraceSampling();

    /// <summary>
    /// A generated secret (overridable with Parameters__name), kept in the AppHost's user secrets so it survives
    /// runs; azd generates its own when deploying.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true, persist: true);

    /// <summary>
    /// Every value under the AppHost's configuration section as the resource's environment ("Faults:ErrorRate" becomes
    /// Faults__ErrorRate), so one deployment's settings can be given on the AppHost's command line or in its
    /// configuration. Nothing configured, nothing added (and nothing in the manifest).
    /// </summary>
    public static IResourceBuilder<T> WithSettings<T>(this IResourceBuilder<T> resource, IConfigurationSection section)
        where T : IResourceWithEnvironment
    {
        foreach (var (key, value) in section.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                resource.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }
        return resource;
    }
}

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
            .WithBuiltAssemblyLaunch();

    /// <summary>
    /// A generated secret (overridable with Parameters__name), kept in the AppHost's user secrets so it survives
    /// runs; azd generates its own when deploying.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddSecret(this IDistributedApplicationBuilder builder, string name) =>
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 22, Special = false }, secret: true, persist: true);
}

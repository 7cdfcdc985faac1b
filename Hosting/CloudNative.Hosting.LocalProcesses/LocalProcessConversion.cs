using Aspire.Hosting.ApplicationModel;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>
/// Takes a container resource away from DCP, in run mode, before DCP starts: without an image it is no longer a
/// container, and its endpoints become proxy-less, so DCP allocates each a port that the process itself listens on.
/// </summary>
internal static class LocalProcessConversion
{
    /// <returns>What the conversion dropped, to be named in the resource's log.</returns>
    public static IReadOnlyList<string> Apply(IResource resource)
    {
        foreach (var image in resource.Annotations.OfType<ContainerImageAnnotation>().ToList())
        {
            resource.Annotations.Remove(image);
        }

        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            // Port reads the host port while the endpoint is proxied; once proxy-less, Port and TargetPort must agree.
            var hostPort = endpoint.Port;
            endpoint.IsProxied = false;
            endpoint.Port = hostPort;
            endpoint.TargetPort = hostPort;
        }

        // Aspire serves Redis over TLS when a trusted dev certificate exists; a local process serves plain TCP on loopback.
#pragma warning disable ASPIRECERTIFICATES001 // Experimental in Aspire 13.6; it is the annotation that turns TLS on.
        var tls = resource.Annotations.OfType<HttpsCertificateConfigurationCallbackAnnotation>().ToList();
#pragma warning restore ASPIRECERTIFICATES001
        foreach (var annotation in tls)
        {
            resource.Annotations.Remove(annotation);
        }

        return tls.Count > 0 ? ["TLS with the development certificate: the process serves plain TCP on loopback."] : [];
    }
}

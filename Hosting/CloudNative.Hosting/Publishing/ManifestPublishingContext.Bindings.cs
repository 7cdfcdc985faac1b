using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Publishing;

public sealed partial class ManifestPublishingContext
{
    /// <summary>
    /// One binding per endpoint. <c>port</c> only when it was set explicitly (or allocated) and differs from
    /// <c>targetPort</c>; a project's first http and https endpoints leave the target port to the deployment tool.
    /// </summary>
    public void WriteBindings(IResource resource)
    {
        var endpoints = ManifestEndpointResolver.Resolve(resource, _portAllocator);
        if (endpoints.Count == 0)
        {
            return;
        }

        Writer.WriteStartObject("bindings");
        foreach (var resolved in endpoints)
        {
            var endpoint = resolved.Endpoint;
            Writer.WriteStartObject(endpoint.Name);
            Writer.WriteString("scheme", endpoint.UriScheme);
            Writer.WriteString("protocol", endpoint.Protocol.ToString().ToLowerInvariant());
            Writer.WriteString("transport", endpoint.Transport);
            if (resolved.ExposedPort is { Value: { } exposed, IsImplicit: false } && resolved.TargetPort.Value != exposed)
            {
                Writer.WriteNumber("port", exposed);
            }

            if (resolved.TargetPort.Value is { } target)
            {
                Writer.WriteNumber("targetPort", target);
            }

            if (endpoint.IsExternal)
            {
                Writer.WriteBoolean("external", true);
            }

            Writer.WriteEndObject();
        }

        Writer.WriteEndObject();
    }
}

using System.Globalization;

namespace CloudNative.Hosting.ApplicationModel;

public enum EndpointProperty
{
    Url,
    Host,
    IPV4Host,
    Port,
    Scheme,
    TargetPort,
    HostAndPort,
}

/// <summary>A reference to one named endpoint of a resource; resolves once the orchestrator allocates it.</summary>
public sealed class EndpointReference(IResourceWithEndpoints owner, string endpointName) : IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    public IResourceWithEndpoints Resource { get; } = owner;

    public string EndpointName { get; } = endpointName;

    public EndpointAnnotation EndpointAnnotation =>
        Resource.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == EndpointName)
        ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'.");

    public bool Exists => Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == EndpointName);

    public bool IsAllocated => EndpointAnnotation.AllocatedEndpoint is not null;

    public string Url => Allocated.UriString;

    public string Host => Allocated.Host;

    public int Port => Allocated.Port;

    public string Scheme => EndpointAnnotation.UriScheme;

    public int? TargetPort => EndpointAnnotation.TargetPort;

    public EndpointReferenceExpression Property(EndpointProperty property) => new(this, property);

    public string ValueExpression => $"{{{Resource.Name}.bindings.{EndpointName}.url}}";

    public IEnumerable<object> References => [Resource];

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        (await EndpointAnnotation.WhenAllocated.WaitAsync(cancellationToken).ConfigureAwait(false)).UriString;

    private AllocatedEndpoint Allocated => EndpointAnnotation.AllocatedEndpoint
        ?? throw new InvalidOperationException($"The endpoint '{EndpointName}' of resource '{Resource.Name}' is not allocated yet. Wait for the application to start.");
}

public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property) : IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    public EndpointReference Endpoint { get; } = endpoint;

    public EndpointProperty Property { get; } = property;

    public IEnumerable<object> References => [Endpoint.Resource];

    public string ValueExpression
    {
        get
        {
            var prefix = $"{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}";
            return Property switch
            {
                EndpointProperty.Url => $"{{{prefix}.url}}",
                EndpointProperty.Host or EndpointProperty.IPV4Host => $"{{{prefix}.host}}",
                EndpointProperty.Port => $"{{{prefix}.port}}",
                EndpointProperty.Scheme => $"{{{prefix}.scheme}}",
                EndpointProperty.TargetPort => $"{{{prefix}.targetPort}}",
                EndpointProperty.HostAndPort => $"{{{prefix}.host}}:{{{prefix}.port}}",
                _ => throw new InvalidOperationException($"Unknown endpoint property {Property}."),
            };
        }
    }

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var annotation = Endpoint.EndpointAnnotation;
        if (Property == EndpointProperty.Scheme)
        {
            return annotation.UriScheme;
        }

        if (Property == EndpointProperty.TargetPort && annotation.TargetPort is { } targetPort)
        {
            return targetPort.ToString(CultureInfo.InvariantCulture);
        }

        var allocated = await annotation.WhenAllocated.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Property switch
        {
            EndpointProperty.Url => allocated.UriString,
            EndpointProperty.Host => allocated.Host,
            EndpointProperty.IPV4Host => allocated.Host == "localhost" ? "127.0.0.1" : allocated.Host,
            EndpointProperty.Port or EndpointProperty.TargetPort => allocated.Port.ToString(CultureInfo.InvariantCulture),
            EndpointProperty.HostAndPort => $"{allocated.Host}:{allocated.Port.ToString(CultureInfo.InvariantCulture)}",
            _ => throw new InvalidOperationException($"Unknown endpoint property {Property}."),
        };
    }
}

using Gateway.Api.ServiceDiscovery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Microsoft.Extensions.DependencyInjection;

public static class ServiceDiscoveryReverseProxyBuilderExtensions
{
    // Same name and shape as Microsoft.Extensions.ServiceDiscovery.Yarp's extension, so moving to that package
    // later changes only a using. The endpoint providers (configuration, pass-through) come from
    // AddServiceDiscovery(), which AddServiceDefaults() calls.
    public static IReverseProxyBuilder AddServiceDiscoveryDestinationResolver(this IReverseProxyBuilder builder)
    {
        builder.Services.AddServiceDiscoveryCore();

        // Replaces YARP's default no-op resolver.
        builder.Services.Replace(ServiceDescriptor.Singleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>());

        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Publishing;

internal static class PublishingServiceCollectionExtensions
{
    /// <summary>The publishers <c>--publisher</c> chooses from, and, in publish mode, console output for their messages.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services, DistributedApplicationExecutionContext executionContext)
    {
        services.AddSingleton<IDistributedApplicationPublisher, ManifestPublisher>();
        if (executionContext.IsPublishMode && !TestingHooks.IsTesting)
        {
            services.AddLogging();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, PublishConsoleLoggerProvider>());
        }

        return services;
    }
}

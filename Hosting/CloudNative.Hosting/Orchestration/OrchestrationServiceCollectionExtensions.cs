using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Orchestration;

internal static class OrchestrationServiceCollectionExtensions
{
    public static IServiceCollection AddOrchestration(this IServiceCollection services, DistributedApplicationBuilder builder)
    {
        services.AddHealthChecks();

        // Health results are shown per resource; the health-check service's own error log repeats each failure with a stack trace.
        services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        services.AddHttpClient();
        services.AddSingleton<ResourceNotificationService>();
        services.AddSingleton<ResourceLoggerService>();
        services.AddSingleton<OrchestratorServices>();
        services.AddSingleton(sp => new LauncherFactory(builder.Configuration, sp, AppHostMetadata.Configuration(builder.AppHostAssembly)));
        services.AddPublishing(builder.ExecutionContext);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return services;
        }

        // The AppHost announces itself once all resources are up; the host's own "Application started" would come first and mislead.
        services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
        services.AddSingleton<ApplicationOrchestrator>();
        services.AddHostedService(sp => sp.GetRequiredService<ApplicationOrchestrator>());
        services.AddHostedService<ConsoleStatusReporter>();
        if (builder.Options.EnableResourceLogging)
        {
            services.AddHostedService<ResourceLogForwarder>();
        }

        if (!TestingHooks.IsTesting)
        {
            services.AddLogging(logging => logging
                .AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                })

                // A start-up failure is reported once, as the cause and the fix; the host would add a stack trace.
                .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical));
        }

        return services;
    }
}

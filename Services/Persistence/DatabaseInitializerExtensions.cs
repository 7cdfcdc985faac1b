using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace CloudNative.Persistence;

public static class DatabaseInitializerExtensions
{
    /// <summary>Runs <typeparamref name="TInitializer"/> at start-up and traces its migrate and seed spans.</summary>
    public static IServiceCollection AddDatabaseInitializer<TInitializer>(this IServiceCollection services)
        where TInitializer : class, IHostedService
    {
        services.AddHostedService<TInitializer>();
        services.AddOpenTelemetry().WithTracing(tracing => tracing.AddSource(PersistenceTelemetry.ActivitySourceName));
        return services;
    }
}

using CloudNative.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class HealthCheckExtensions
{
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // "self" answers as long as the process can serve requests: that is all liveness should mean.
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthEndpoints.LiveTag]);

        return builder;
    }

    // Several clients can share one server, say a Kafka producer and a consumer on one cluster. One check per
    // server is enough, and the health check service rejects a second registration under the same name.
    internal static void TryAddHealthCheck(this IHostApplicationBuilder builder, string name, Func<IServiceProvider, IHealthCheck> createCheck)
    {
        if (builder.Properties.TryAdd($"{typeof(HealthCheckExtensions).FullName}:{name}", name))
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(name, createCheck, failureStatus: null, tags: null));
        }
    }
}

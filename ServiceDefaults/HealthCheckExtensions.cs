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

    // Several clients can share one check, say two producers on one cluster, and the health check service rejects a
    // second registration under the same name. The marker is the one Aspire's client integrations use, so ours and
    // theirs skip each other's names too.
    internal static void TryAddHealthCheck(this IHostApplicationBuilder builder, HealthCheckRegistration registration)
    {
        if (builder.Properties.TryAdd($"Aspire.HealthChecks.{registration.Name}", true))
        {
            builder.Services.AddHealthChecks().Add(registration);
        }
    }
}

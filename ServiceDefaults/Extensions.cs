using CloudNative.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

// Aspire's ServiceDefaults template: telemetry, health, service discovery and resilience for every service.
public static class Extensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddDefaultProblemDetails();
        builder.AddFaultInjection();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // The template maps these in Development only. We map them everywhere because the Kubernetes
        // readiness and liveness probes, and the AppHost's WaitFor, call them in every environment.
        // They stay out of traces through the filter in ConfigureOpenTelemetry, and out of the HTTP metrics here.
        app.MapHealthChecks(HealthEndpoints.HealthPath).DisableHttpMetrics();
        app.MapHealthChecks(HealthEndpoints.AlivePath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthEndpoints.LiveTag),
        }).DisableHttpMetrics();

        return app;
    }
}

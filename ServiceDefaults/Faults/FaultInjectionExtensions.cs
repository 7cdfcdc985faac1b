using CloudNative.ServiceDefaults.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class FaultInjectionExtensions
{
    // Opt-in: only a service whose configuration has a "Faults" section gets the middleware (and pays for it).
    public static TBuilder AddFaultInjection<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.Configuration.GetSection(FaultOptions.SectionName).Exists())
        {
            builder.Services.AddOptions<FaultOptions>()
                .BindConfiguration(FaultOptions.SectionName)
                .ValidateDataAnnotations()
                .ValidateOnStart();
            builder.Services.AddTransient<IStartupFilter, FaultInjectionStartupFilter>();
        }

        return builder;
    }

    sealed class FaultInjectionStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<FaultInjectionMiddleware>();
            next(app);
        };
    }
}

using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gateway.Api.Rollouts;

// Progressive delivery: a canary cluster beside a stable one ("Gateway:Rollouts:Canaries"), a sticky share of clients
// routed to it, its weight shared by the replicas through Redis, judged window by window, and changed by admins.
static class RolloutsExtensions
{
    public static void AddRollouts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RolloutOptions>()
            .BindConfiguration(RolloutOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<RolloutOptions>, RolloutOptionsValidation>();

        builder.Services.AddSingleton<RolloutStore>();
        builder.Services.AddSingleton<RolloutStates>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RolloutStates>());
        builder.Services.AddSingleton<RolloutSamples>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RolloutSamples>());
        builder.Services.AddSingleton<RolloutAnalyzer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RolloutAnalyzer>());
        builder.Services.AddSingleton<RolloutChanges>();
        builder.Services.AddSingleton<RolloutMetrics>();

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(RolloutMetrics.Name))
            .WithTracing(tracing => tracing.AddSource(RolloutMetrics.Name));
    }

    // Fails start-up naming the rule the configuration breaks.
    sealed class RolloutOptionsValidation : IValidateOptions<RolloutOptions>
    {
        public ValidateOptionsResult Validate(string? name, RolloutOptions options) =>
            options.IsValid(out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail($"{RolloutOptions.SectionName}: {error}");
    }
}

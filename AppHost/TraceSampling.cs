using System.Globalization;

namespace CloudNative.AppHost;

/// <summary>
/// In run mode Aspire has every service trace every request (<c>OTEL_TRACES_SAMPLER=always_on</c>), which is what a
/// developer wants from the dashboard, and more than a load test wants: the services' exporters and the dashboard's
/// ingestion then take a large share of a small machine. <c>AppHost:TraceSampleRatio</c> (0 to 1) makes every
/// service keep that share of new traces instead, and follow its caller's decision for the rest (parent-based), so a
/// trace is kept or dropped whole.
/// </summary>
static class TraceSampling
{
    public const string RatioSetting = "AppHost:TraceSampleRatio";

    public static IResourceBuilder<ProjectResource> WithTraceSampling(this IResourceBuilder<ProjectResource> project)
    {
        var builder = project.ApplicationBuilder;
        if (!builder.ExecutionContext.IsRunMode || builder.Configuration[RatioSetting] is not { Length: > 0 } setting)
        {
            return project;
        }

        if (!double.TryParse(setting, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1)
        {
            throw new DistributedApplicationException(
                $"{RatioSetting} is '{setting}', which is not a share of traces: give a number from 0 to 1 (e.g. " +
                $"{RatioSetting}=0.1 on the AppHost's command line, or AppHost__TraceSampleRatio=0.1 in its environment), " +
                "or remove it to trace every request.");
        }

        // After Aspire's own OTEL_* variables (callbacks run in the order they were added), so this one wins.
        return project.WithEnvironment(context =>
        {
            context.EnvironmentVariables["OTEL_TRACES_SAMPLER"] = "parentbased_traceidratio";
            context.EnvironmentVariables["OTEL_TRACES_SAMPLER_ARG"] = ratio.ToString(CultureInfo.InvariantCulture);
        });
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudNative.ServiceDefaults.Faults;

// First in the pipeline, so an injected failure looks like the service failing, not like one of its endpoints. Health
// probes are never faulted: a "failing" deployment must stay up and reachable, as a real buggy release would.
internal sealed partial class FaultInjectionMiddleware(RequestDelegate next, IOptionsMonitor<FaultOptions> options, ILogger<FaultInjectionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var faults = options.CurrentValue;
        if (!faults.IsActive || HealthEndpoints.IsProbe(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, context.RequestAborted);
        }

        if (Random.Shared.NextDouble() < faults.ErrorRate)
        {
            LogInjected(faults.StatusCode, context.Request.Method, context.Request.Path);
            await TypedResults.Problem(
                statusCode: faults.StatusCode,
                title: "Injected fault",
                detail: $"This service is configured ({FaultOptions.SectionName}:ErrorRate) to fail {faults.ErrorRate:P0} of its requests.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    [LoggerMessage(LogLevel.Debug, "Injected a {StatusCode} into {Method} {Path}.")]
    partial void LogInjected(int statusCode, string method, PathString path);
}

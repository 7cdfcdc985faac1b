using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting;

/// <summary>The variables Aspire 13.1 gives every project (aspire-contracts §3.3), in its order.</summary>
internal static class ProjectDefaults
{
    public static void Apply(EnvironmentCallbackContext context)
    {
        var env = context.EnvironmentVariables;
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true";
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true";
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";

        var endpoints = context.Resource.Annotations.OfType<EndpointAnnotation>().ToList();
        if (context.ExecutionContext.IsPublishMode)
        {
            if (endpoints.Count > 0)
            {
                env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
            }

            if (endpoints.FirstOrDefault(e => e.Name == "http") is { } http)
            {
                env["HTTP_PORTS"] = new EndpointReference((IResourceWithEndpoints)context.Resource, http.Name).Property(EndpointProperty.TargetPort);
            }

            return;
        }

        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"] = "true";
        env["OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"] = "true";
        env["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true";
        env["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
    }
}

using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.ApplicationModel;

/// <summary>The variables every project gets from the model (aspire-contracts §3.3), before the launcher adds OTLP and URLs.</summary>
public sealed class ProjectDefaultsTests
{
    [Fact]
    public async Task RunModeDefaultsMatchAspire()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));

        var env = await RunMode.EnvironmentOf(catalog.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION"] = "true",
            ["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true",
            ["LOGGING__CONSOLE__FORMATTERNAME"] = "simple",
        }, env);
    }

    [Fact]
    public async Task PublishModeKeepsOnlyDeploymentVariables()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));

        var env = await ResourceValues.EvaluateEnvironmentAsync(catalog.Resource, RunMode.Publish);

        Assert.Equal(
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED", "HTTP_PORTS", "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES", "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"],
            env.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("{catalog.bindings.http.targetPort}", ResourceValues.ToManifestExpression(env["HTTP_PORTS"]));
    }

    [Fact]
    public async Task ModelVariablesComeAfterTheDefaultsAndOverrideThem()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"))
            .WithEnvironment("LOGGING__CONSOLE__FORMATTERNAME", "json")
            .WithEnvironment("FEATURE_X", "on");

        var env = await RunMode.EnvironmentOf(catalog.Resource);

        Assert.Equal("json", env["LOGGING__CONSOLE__FORMATTERNAME"]);
        Assert.Equal("on", env["FEATURE_X"]);
    }

    [Fact]
    public void ProjectGetsOneProxiedHttpEndpoint()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));

        var endpoint = Assert.Single(catalog.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal(("http", "http", "http", true, false), (endpoint.Name, endpoint.UriScheme, endpoint.Transport, endpoint.IsProxied, endpoint.IsExternal));
        Assert.Null(endpoint.Port);
        Assert.Null(endpoint.TargetPort);
    }
}

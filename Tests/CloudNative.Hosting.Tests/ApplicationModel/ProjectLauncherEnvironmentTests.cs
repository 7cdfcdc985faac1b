using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace CloudNative.Hosting.Tests.ApplicationModel;

/// <summary>
/// What ProjectLauncher adds per replica: ASPNETCORE_URLS behind the proxy and the OpenTelemetry variables
/// pointing at the dashboard (aspire-contracts §3.2, §3.3).
/// </summary>
public sealed class ProjectLauncherEnvironmentTests : IDisposable
{
    private readonly IDistributedApplicationTestingBuilder _builder = DistributedApplicationTestingBuilder.Create();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("project-launcher-").FullName;

    public void Dispose()
    {
        _builder.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task ReplicaGetsOtelDefaultsServiceNameAndInstanceId()
    {
        var catalog = _builder.AddProject("catalog", FakeProjects.Create("catalog"));
        RunMode.Allocate(catalog.Resource, "http", 15200);
        var replica = RunMode.Replica(catalog.Resource, ("http", 40100));

        var spec = await LaunchAsync(catalog.Resource, replica, Configuration());

        Assert.Matches("^catalog-[a-z]{8}$", replica.ReplicaId);
        Assert.Equal("catalog", spec.Environment["OTEL_SERVICE_NAME"]);
        Assert.Equal($"service.instance.id={replica.ReplicaId}", spec.Environment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("1000", spec.Environment["OTEL_BLRP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", spec.Environment["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", spec.Environment["OTEL_METRIC_EXPORT_INTERVAL"]);
        Assert.Equal("always_on", spec.Environment["OTEL_TRACES_SAMPLER"]);
        Assert.Equal("trace_based", spec.Environment["OTEL_METRICS_EXEMPLAR_FILTER"]);
        Assert.Equal("true", spec.Environment["OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"]);
        Assert.Equal("in_memory", spec.Environment["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"]);
    }

    /// <summary>
    /// A deliberate difference from Aspire, which falls back to http://localhost:18889 where its dashboard always
    /// listens: with no receiver configured here, no exporter endpoint is set, so services do not retry exports into nothing.
    /// </summary>
    [Fact]
    public async Task NoConfiguredReceiverMeansNoExporterEndpoint()
    {
        var catalog = _builder.AddProject("catalog", FakeProjects.Create("catalog"));
        RunMode.Allocate(catalog.Resource, "http", 15212);

        var spec = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40113)), Configuration(("AppHost:OtlpApiKey", "k3y")));

        Assert.DoesNotContain(spec.Environment.Keys, key => key.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GrpcDashboardEndpointIsUsedWithGrpc()
    {
        var catalog = _builder.AddProject("catalog", FakeProjects.Create("catalog"));
        RunMode.Allocate(catalog.Resource, "http", 15213);

        var spec = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40114)),
            Configuration(("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://localhost:18889")));

        Assert.Equal("http://localhost:18889", spec.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", spec.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.False(spec.Environment.ContainsKey("OTEL_EXPORTER_OTLP_HEADERS"));
    }

    [Fact]
    public async Task ReplicaListensOnItsOwnPortBehindTheProxy()
    {
        var catalog = _builder.AddProject("catalog", FakeProjects.Create("catalog")).WithReplicas(2);
        RunMode.Allocate(catalog.Resource, "http", 15201);

        var first = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40101)), Configuration());
        var second = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40102)), Configuration());

        Assert.Equal("http://localhost:40101", first.Environment["ASPNETCORE_URLS"]);
        Assert.Equal("http://localhost:40102", second.Environment["ASPNETCORE_URLS"]);
        Assert.NotEqual(first.Environment["OTEL_RESOURCE_ATTRIBUTES"], second.Environment["OTEL_RESOURCE_ATTRIBUTES"]);
    }

    [Fact]
    public async Task UrlsListEveryEndpointAndHttpsPortIsTheProxyPort()
    {
        var catalog = _builder.AddProject("catalog", FakeProjects.Create("catalog")).WithEndpoint("https", "https");
        RunMode.Allocate(catalog.Resource, "http", 15202);
        RunMode.Allocate(catalog.Resource, "https", 15203);

        var spec = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40103), ("https", 40104)), Configuration());

        Assert.Equal("http://localhost:40103;https://localhost:40104", spec.Environment["ASPNETCORE_URLS"]);
        Assert.Equal("15203", spec.Environment["ASPNETCORE_HTTPS_PORT"]);
    }

    [Fact]
    public async Task HttpOnlyProjectHasNoHttpsPort()
    {
        var catalog = _builder.AddProject("catalog", FakeProjects.Create("catalog"));
        RunMode.Allocate(catalog.Resource, "http", 15204);

        var spec = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40105)), Configuration());

        Assert.False(spec.Environment.ContainsKey("ASPNETCORE_HTTPS_PORT"));
    }

    /// <summary>Which dashboard variable chooses the exporter endpoint: gRPC wins over HTTP, and the legacy DOTNET_ name still counts.</summary>
    [Theory]
    [InlineData("http://localhost:18890", "http/protobuf", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:18890")]
    [InlineData("https://localhost:21000", "grpc", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=https://localhost:21000", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:18890")]
    [InlineData("http://localhost:4317", "grpc", "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL=http://localhost:4317")]
    public async Task DashboardVariablesChooseTheExporterEndpointAndProtocol(string endpoint, string protocol, params string[] settings)
    {
        var catalog = _builder.AddProject("catalog", FakeProjects.Create("catalog"));
        RunMode.Allocate(catalog.Resource, "http", 15205);

        var spec = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40106)),
            Configuration([.. settings.Select(setting => setting.Split('=', 2)).Select(pair => (pair[0], pair[1]))]));

        Assert.Equal(endpoint, spec.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal(protocol, spec.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    [Fact]
    public async Task OtlpApiKeyBecomesTheExporterHeader()
    {
        var catalog = _builder.AddProject("catalog", FakeProjects.Create("catalog"));
        RunMode.Allocate(catalog.Resource, "http", 15208);

        var spec = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40109)),
            Configuration(("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "http://localhost:18889"), ("AppHost:OtlpApiKey", "k3y")));

        Assert.Equal("x-otlp-api-key=k3y", spec.Environment["OTEL_EXPORTER_OTLP_HEADERS"]);
    }

    [Fact]
    public async Task BuiltAssemblyRunsWithDotnetFromTheProjectDirectory()
    {
        var project = FakeProjects.Create("catalog");
        var catalog = _builder.AddProject("catalog", project).WithArgs("--seed", "true");
        RunMode.Allocate(catalog.Resource, "http", 15209);

        var spec = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40110)), Configuration());

        Assert.Equal("dotnet", spec.FileName);
        Assert.Equal([FakeProjects.AssemblyPath("catalog"), "--seed", "true"], spec.Args);
        Assert.Equal(Path.GetDirectoryName(project), spec.WorkingDirectory);
    }

    [Fact]
    public async Task GeneratedMetadataTargetPathIsTheAssemblyThatRuns()
    {
        var inventory = _builder.AddProject<InventoryProject>("inventory");
        RunMode.Allocate(inventory.Resource, "http", 15210);

        var spec = await LaunchAsync(inventory.Resource, RunMode.Replica(inventory.Resource, ("http", 40111)), Configuration());

        Assert.Equal(new InventoryProject().TargetPath, spec.Args[0]);
    }

    [Fact]
    public async Task ReferencesAndDefaultsReachTheProcessEnvironment()
    {
        _builder.Configuration["Parameters:cache-password"] = "pw";
        var cache = _builder.AddRedis("cache");
        var catalog = _builder.AddProject("catalog", FakeProjects.Create("catalog")).WithReference(cache);
        RunMode.Allocate(cache.Resource, "tcp", 63793);
        RunMode.Allocate(catalog.Resource, "http", 15211);

        var spec = await LaunchAsync(catalog.Resource, RunMode.Replica(catalog.Resource, ("http", 40112)), Configuration());

        Assert.Equal("localhost:63793,password=pw", spec.Environment["ConnectionStrings__cache"]);
        Assert.Equal("simple", spec.Environment["LOGGING__CONSOLE__FORMATTERNAME"]);
    }

    private async Task<ProcessSpec> LaunchAsync(CloudNative.Hosting.ApplicationModel.ProjectResource project, ReplicaInstance replica, IConfiguration configuration) =>
        await new ProjectLauncher(project, configuration, FakeProjects.BuildConfiguration)
            .CreateProcessSpecAsync(RunMode.LaunchContext(project, _dataDirectory), replica, CancellationToken.None);

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}

using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.ApplicationModel;

/// <summary>WithReference(project) injects service discovery and endpoint variables with the proxied URL (aspire-contracts §3.1).</summary>
public sealed class ProjectReferenceEnvironmentTests
{
    [Fact]
    public async Task ReferenceInjectsEndpointAndServiceDiscoveryVariables()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));
        var gateway = builder.AddExecutable("gateway", "true", ".").WithReference(catalog);
        var proxyPort = RunMode.Allocate(catalog.Resource, "http", 15123);

        var env = await RunMode.EnvironmentOf(gateway.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["CATALOG_HTTP"] = $"http://localhost:{proxyPort}",
            ["services__catalog__http__0"] = $"http://localhost:{proxyPort}",
        }, env);
    }

    [Fact]
    public async Task EveryHttpAndHttpsEndpointIsInjected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"))
            .WithEndpoint("https", "https")
            .WithEndpoint("metrics", "tcp");
        var gateway = builder.AddExecutable("gateway", "true", ".").WithReference(catalog);
        RunMode.Allocate(catalog.Resource, "http", 15124);
        RunMode.Allocate(catalog.Resource, "https", 15125);
        RunMode.Allocate(catalog.Resource, "metrics", 15126);

        var env = await RunMode.EnvironmentOf(gateway.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["CATALOG_HTTP"] = "http://localhost:15124",
            ["services__catalog__http__0"] = "http://localhost:15124",
            ["CATALOG_HTTPS"] = "https://localhost:15125",
            ["services__catalog__https__0"] = "https://localhost:15125",
        }, env);
    }

    [Fact]
    public async Task NamedReferenceUsesTheGivenServiceName()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));
        var gateway = builder.AddExecutable("gateway", "true", ".").WithReference(catalog, "products");
        RunMode.Allocate(catalog.Resource, "http", 15127);

        var env = await RunMode.EnvironmentOf(gateway.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["PRODUCTS_HTTP"] = "http://localhost:15127",
            ["services__products__http__0"] = "http://localhost:15127",
        }, env);
    }

    [Fact]
    public async Task EndpointReferenceInjectsThatEndpointOnly()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog")).WithEndpoint("grpc", "http");
        var gateway = builder.AddExecutable("gateway", "true", ".").WithReference(catalog.GetEndpoint("grpc"));
        RunMode.Allocate(catalog.Resource, "http", 15128);
        RunMode.Allocate(catalog.Resource, "grpc", 15129);

        var env = await RunMode.EnvironmentOf(gateway.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["CATALOG_GRPC"] = "http://localhost:15129",
            ["services__catalog__grpc__0"] = "http://localhost:15129",
        }, env);
    }

    [Fact]
    public async Task NamedConnectionReferenceUsesTheGivenConnectionName()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:cache-password"] = "pw";
        var cache = builder.AddRedis("cache");
        var consumer = builder.AddExecutable("consumer", "true", ".").WithReference(cache, "basket-store");
        RunMode.Allocate(cache.Resource, "tcp", 63792);

        var env = await RunMode.EnvironmentOf(consumer.Resource);

        Assert.Equal("localhost:63792,password=pw", env["ConnectionStrings__basket-store"]);
        Assert.Equal("localhost", env["BASKET_STORE_HOST"]);
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("CACHE_", StringComparison.Ordinal) || k == "ConnectionStrings__cache");
    }

    [Fact]
    public async Task ReferenceValuesWaitForTheEndpointToBeAllocated()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));
        var gateway = builder.AddExecutable("gateway", "true", ".").WithReference(catalog);

        var pending = RunMode.EnvironmentOf(gateway.Resource);
        Assert.False(pending.IsCompleted);
        RunMode.Allocate(catalog.Resource, "http", 15130);
        var env = await pending.WaitAsync(Timeouts.Default);

        Assert.Equal("http://localhost:15130", env["services__catalog__http__0"]);
    }

    [Fact]
    public void ReferencesAreRecordedAsRelationships()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var catalog = builder.AddProject("catalog", FakeProjects.Create("catalog"));
        var gateway = builder.AddExecutable("gateway", "true", ".").WithReference(catalog);

        var relationship = Assert.Single(gateway.Resource.Annotations.OfType<ResourceRelationshipAnnotation>());
        Assert.Same(catalog.Resource, relationship.Resource);
        Assert.Equal("Reference", relationship.Type);
    }
}

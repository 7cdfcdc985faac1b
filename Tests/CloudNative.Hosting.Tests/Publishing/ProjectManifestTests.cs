using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Redis;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>
/// <c>project.v0</c>: the csproj relative to the manifest, 13.1's project variables, references, external endpoints,
/// replicas and explicit ports (aspire-contracts §1.3, §1.4, §2.5, §3).
/// </summary>
public sealed class ProjectManifestTests
{
    [Fact]
    public async Task ProjectWithReferencesGetsConnectionPropertiesAndServiceDiscovery()
    {
        using var host = ManifestHost.Create();
        var postgres = host.Builder.AddPostgres("postgres");
        var catalogDb = postgres.AddDatabase("catalogdb");
        var catalog = host.Builder.AddProject("catalogservice", host.CreateProject("CatalogService")).WithReference(catalogDb);
        host.Builder.AddProject("frontend", host.CreateProject("MyFrontend")).WithExternalHttpEndpoints().WithReference(catalog);

        var manifest = await host.PublishAsync();

        // playground/TestShop "catalogservice" and "frontend", for 13.1 (project variables, DATABASE) and http-only projects.
        Golden.Equal("""
            {
              "type": "project.v0",
              "path": "../CatalogService/CatalogService.csproj",
              "env": {
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES": "true",
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES": "true",
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY": "in_memory",
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED": "true",
                "HTTP_PORTS": "{catalogservice.bindings.http.targetPort}",
                "ConnectionStrings__catalogdb": "{catalogdb.connectionString}",
                "CATALOGDB_HOST": "{postgres.bindings.tcp.host}",
                "CATALOGDB_PORT": "{postgres.bindings.tcp.port}",
                "CATALOGDB_USERNAME": "postgres",
                "CATALOGDB_PASSWORD": "{postgres-password.value}",
                "CATALOGDB_URI": "postgresql://postgres:{postgres-password-uri-encoded.value}@{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}/catalogdb",
                "CATALOGDB_JDBCCONNECTIONSTRING": "jdbc:postgresql://{postgres.bindings.tcp.host}:{postgres.bindings.tcp.port}/catalogdb",
                "CATALOGDB_DATABASE": "catalogdb"
              },
              "bindings": {
                "http": {
                  "scheme": "http",
                  "protocol": "tcp",
                  "transport": "http"
                }
              }
            }
            """, manifest.Resource("catalogservice"));
        Golden.Equal("""
            {
              "type": "project.v0",
              "path": "../MyFrontend/MyFrontend.csproj",
              "env": {
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES": "true",
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES": "true",
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY": "in_memory",
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED": "true",
                "HTTP_PORTS": "{frontend.bindings.http.targetPort}",
                "CATALOGSERVICE_HTTP": "{catalogservice.bindings.http.url}",
                "services__catalogservice__http__0": "{catalogservice.bindings.http.url}"
              },
              "bindings": {
                "http": {
                  "scheme": "http",
                  "protocol": "tcp",
                  "transport": "http",
                  "external": true
                }
              }
            }
            """, manifest.Resource("frontend"));
        Assert.Equal(["postgres", "catalogdb", "catalogservice", "frontend", "postgres-password", "postgres-password-uri-encoded"], manifest.ResourceNames);
        // playground/TestShop "postgres-password-uri-encoded".
        Golden.Equal("""
            {
              "type": "annotated.string",
              "value": "{postgres-password.value}",
              "filter": "uri"
            }
            """, manifest.Resource("postgres-password-uri-encoded"));
    }

    [Fact]
    public async Task ReplicasAreADeploymentToolConcernAndDoNotChangeTheEntry()
    {
        using var one = ManifestHost.Create();
        one.Builder.AddProject("api", one.CreateProject("Api"));
        using var three = ManifestHost.Create();
        three.Builder.AddProject("api", three.CreateProject("Api")).WithReplicas(3);

        Assert.Equal((await one.PublishAsync()).Resource("api"), (await three.PublishAsync()).Resource("api"));
    }

    [Fact]
    public async Task ExplicitPortIsWrittenBecauseItDiffersFromTheToolChosenTargetPort()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddProject("gateway", host.CreateProject("Gateway"))
            .WithEndpoint("http", endpoint => endpoint.Port = 80)
            .WithExternalHttpEndpoints();

        var manifest = await host.PublishAsync();

        // ResolveEndpoints: an explicit Port is written; a project's default http endpoint has no target port.
        // (Port 80, because azd's main ingress refuses any other, and so does the publisher.)
        Golden.Equal("""
            {
              "http": {
                "scheme": "http",
                "protocol": "tcp",
                "transport": "http",
                "port": 80,
                "external": true
              }
            }
            """, Bindings(manifest, "gateway"));
    }

    [Fact]
    public async Task ContainerPortEqualToItsTargetPortIsNotRepeated()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddRedis("same", port: 6379);
        host.Builder.AddRedis("other", port: 16379);

        var manifest = await host.PublishAsync();

        Assert.False(manifest.Root.GetProperty("resources").GetProperty("same").GetProperty("bindings").GetProperty("tcp").TryGetProperty("port", out _));
        Assert.Equal(16379, manifest.Root.GetProperty("resources").GetProperty("other").GetProperty("bindings").GetProperty("tcp").GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task ExternalOnlyOnTheEndpointsThatWereMadeExternal()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddProject("api", host.CreateProject("Api"));

        var manifest = await host.PublishAsync();

        Assert.DoesNotContain("\"external\"", manifest.Resource("api"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathsAreRelativeToTheManifestWithForwardSlashes()
    {
        using var host = ManifestHost.Create();
        var project = Path.Combine(host.Directory, "AppHost", "src", "Deep", "Deep.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, "<Project />");
        host.Builder.AddProject("deep", project);

        var manifest = await host.PublishAsync();

        Assert.Equal("src/Deep/Deep.csproj", manifest.Root.GetProperty("resources").GetProperty("deep").GetProperty("path").GetString());
    }

    private static string Bindings(PublishedManifest manifest, string resource) =>
        CloudNative.Hosting.Publishing.ManifestJson.Format(manifest.Root.GetProperty("resources").GetProperty(resource).GetProperty("bindings"));
}

using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Postgres;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>
/// <c>AddPostgres("pg").AddDatabase("db")</c> against Aspire's literal test expectation
/// (tests/Aspire.Hosting.PostgreSQL.Tests/AddPostgresTests.cs VerifyManifest, aspire-contracts §2.2) with 13.1's tag.
/// </summary>
public sealed class PostgresManifestTests
{
    [Fact]
    public async Task ServerIsAContainerWithScramAuthAndTheGeneratedPassword()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddPostgres("pg").AddDatabase("db");

        var manifest = await host.PublishAsync();

        Golden.Equal("""
            {
              "type": "container.v0",
              "connectionString": "Host={pg.bindings.tcp.host};Port={pg.bindings.tcp.port};Username=postgres;Password={pg-password.value}",
              "image": "docker.io/library/postgres:17.6",
              "env": {
                "POSTGRES_HOST_AUTH_METHOD": "scram-sha-256",
                "POSTGRES_INITDB_ARGS": "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
                "POSTGRES_USER": "postgres",
                "POSTGRES_PASSWORD": "{pg-password.value}"
              },
              "bindings": {
                "tcp": {
                  "scheme": "tcp",
                  "protocol": "tcp",
                  "transport": "tcp",
                  "targetPort": 5432
                }
              }
            }
            """, manifest.Resource("pg"));
        Golden.Equal("""
            {
              "type": "value.v0",
              "connectionString": "{pg.connectionString};Database=db"
            }
            """, manifest.Resource("db"));
    }

    [Fact]
    public async Task GeneratedPasswordIsASecretParameterWrittenAfterTheModel()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddPostgres("pg").AddDatabase("db");

        var manifest = await host.PublishAsync();

        Assert.Equal(["pg", "db", "pg-password"], manifest.ResourceNames);
        Golden.Equal("""
            {
              "type": "parameter.v0",
              "value": "{pg-password.inputs.value}",
              "inputs": {
                "value": {
                  "type": "string",
                  "secret": true,
                  "default": {
                    "generate": {
                      "minLength": 22
                    }
                  }
                }
              }
            }
            """, manifest.Resource("pg-password"));
    }

    [Fact]
    public async Task UserNameAndPasswordParametersReplaceTheDefaults()
    {
        using var host = ManifestHost.Create();
        var user = host.Builder.AddParameter("user");
        var pass = host.Builder.AddParameter("pass", secret: true);
        host.Builder.AddPostgres("pg", user, pass);

        var manifest = await host.PublishAsync();

        var pg = manifest.Root.GetProperty("resources").GetProperty("pg");
        Assert.Equal("Host={pg.bindings.tcp.host};Port={pg.bindings.tcp.port};Username={user.value};Password={pass.value}", pg.GetProperty("connectionString").GetString());
        Assert.Equal("{user.value}", pg.GetProperty("env").GetProperty("POSTGRES_USER").GetString());
        Assert.Equal("{pass.value}", pg.GetProperty("env").GetProperty("POSTGRES_PASSWORD").GetString());
        Assert.Equal(["user", "pass", "pg"], manifest.ResourceNames);
    }

    [Fact]
    public async Task DataVolumeComesBeforeEnvironment()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddPostgres("postgres").WithDataVolume("testshop.apphost-48e1ce2b9b-postgres-data");

        var manifest = await host.PublishAsync();

        // playground/TestShop/TestShop.AppHost/aspire-manifest.json, with 13.1's tag.
        Golden.Equal("""
            {
              "type": "container.v0",
              "connectionString": "Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}",
              "image": "docker.io/library/postgres:17.6",
              "volumes": [
                {
                  "name": "testshop.apphost-48e1ce2b9b-postgres-data",
                  "target": "/var/lib/postgresql/data",
                  "readOnly": false
                }
              ],
              "env": {
                "POSTGRES_HOST_AUTH_METHOD": "scram-sha-256",
                "POSTGRES_INITDB_ARGS": "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
                "POSTGRES_USER": "postgres",
                "POSTGRES_PASSWORD": "{postgres-password.value}"
              },
              "bindings": {
                "tcp": {
                  "scheme": "tcp",
                  "protocol": "tcp",
                  "transport": "tcp",
                  "targetPort": 5432
                }
              }
            }
            """, manifest.Resource("postgres"));
    }

    [Theory]
    [InlineData("TestShop.AppHost", "48e1ce2b9b")]
    [InlineData("Redis.AppHost", "7855b85e05")]
    public void PublishModeVolumeHashIsTheOneInAspiresManifests(string appHostProjectName, string hash) =>
        Assert.Equal(hash, VolumeNames.PublishHash(appHostProjectName));

    [Fact]
    public async Task GeneratedVolumeNameUsesTheAppHostNameAndItsPublishHash()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddPostgres("postgres").WithDataVolume();

        var manifest = await host.PublishAsync();

        var appName = host.Builder.Environment.ApplicationName;
        var volume = manifest.Root.GetProperty("resources").GetProperty("postgres").GetProperty("volumes")[0];
        Assert.Equal($"{appName.ToLowerInvariant()}-{VolumeNames.PublishHash(appName)}-postgres-data", volume.GetProperty("name").GetString());
    }
}

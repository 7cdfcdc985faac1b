using CloudNative.Hosting.Redis;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>
/// <c>AddRedis</c> as Aspire 9.2 through 13.1.x writes it (aspire-contracts §2.3: scheme <c>tcp</c>, a required password,
/// no <c>cond-</c> entries; those arrived after 13.1.3).
/// </summary>
public sealed class RedisManifestTests
{
    [Fact]
    public async Task RedisRequiresItsGeneratedPassword()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddRedis("redis");

        var manifest = await host.PublishAsync();

        Golden.Equal("""
            {
              "type": "container.v0",
              "connectionString": "{redis.bindings.tcp.host}:{redis.bindings.tcp.port},password={redis-password.value}",
              "image": "docker.io/library/redis:8.2",
              "entrypoint": "/bin/sh",
              "args": [
                "-c",
                "redis-server --requirepass $REDIS_PASSWORD"
              ],
              "env": {
                "REDIS_PASSWORD": "{redis-password.value}"
              },
              "bindings": {
                "tcp": {
                  "scheme": "tcp",
                  "protocol": "tcp",
                  "transport": "tcp",
                  "targetPort": 6379
                }
              }
            }
            """, manifest.Resource("redis"));
        Assert.Equal(["redis", "redis-password"], manifest.ResourceNames);
    }

    [Fact]
    public async Task DataVolumeSavesEveryMinute()
    {
        using var host = ManifestHost.Create();
        host.Builder.AddRedis("redis").WithDataVolume("redis.apphost-7855b85e05-redis-data");

        var manifest = await host.PublishAsync();

        // playground/Redis/Redis.AppHost/aspire-manifest.json, less what came after 13.1 (scheme "redis", the cond- suffix).
        Golden.Equal("""
            {
              "type": "container.v0",
              "connectionString": "{redis.bindings.tcp.host}:{redis.bindings.tcp.port},password={redis-password.value}",
              "image": "docker.io/library/redis:8.2",
              "entrypoint": "/bin/sh",
              "args": [
                "-c",
                "redis-server --requirepass $REDIS_PASSWORD --save 60 1"
              ],
              "volumes": [
                {
                  "name": "redis.apphost-7855b85e05-redis-data",
                  "target": "/data",
                  "readOnly": false
                }
              ],
              "env": {
                "REDIS_PASSWORD": "{redis-password.value}"
              },
              "bindings": {
                "tcp": {
                  "scheme": "tcp",
                  "protocol": "tcp",
                  "transport": "tcp",
                  "targetPort": 6379
                }
              }
            }
            """, manifest.Resource("redis"));
    }

    [Fact]
    public async Task AReferenceAddsConnectionPropertiesAndTheUriEncodedPassword()
    {
        using var host = ManifestHost.Create();
        var redis = host.Builder.AddRedis("redis");
        host.Builder.AddProject("apiservice", host.CreateProject("Redis.ApiService")).WithExternalHttpEndpoints().WithReference(redis);

        var manifest = await host.PublishAsync();

        // The Redis example's apiservice, with 13.1's project variables and its literal "redis://" scheme.
        Golden.Equal("""
            {
              "type": "project.v0",
              "path": "../Redis.ApiService/Redis.ApiService.csproj",
              "env": {
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES": "true",
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES": "true",
                "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY": "in_memory",
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED": "true",
                "HTTP_PORTS": "{apiservice.bindings.http.targetPort}",
                "ConnectionStrings__redis": "{redis.connectionString}",
                "REDIS_HOST": "{redis.bindings.tcp.host}",
                "REDIS_PORT": "{redis.bindings.tcp.port}",
                "REDIS_PASSWORD": "{redis-password.value}",
                "REDIS_URI": "redis://:{redis-password-uri-encoded.value}@{redis.bindings.tcp.host}:{redis.bindings.tcp.port}"
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
            """, manifest.Resource("apiservice"));
        Assert.Equal(["redis", "apiservice", "redis-password", "redis-password-uri-encoded"], manifest.ResourceNames);
        Golden.Equal("""
            {
              "type": "parameter.v0",
              "value": "{redis-password.inputs.value}",
              "inputs": {
                "value": {
                  "type": "string",
                  "secret": true,
                  "default": {
                    "generate": {
                      "minLength": 22,
                      "special": false
                    }
                  }
                }
              }
            }
            """, manifest.Resource("redis-password"));
        Golden.Equal("""
            {
              "type": "annotated.string",
              "value": "{redis-password.value}",
              "filter": "uri"
            }
            """, manifest.Resource("redis-password-uri-encoded"));
    }
}

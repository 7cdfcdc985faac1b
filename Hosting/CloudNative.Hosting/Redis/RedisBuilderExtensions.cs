using System.Net.Sockets;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Redis;

public static class RedisBuilderExtensions
{
    internal const string Registry = "docker.io";
    internal const string Image = "library/redis";
    internal const string Tag = "8.2";

    /// <summary>A Redis server that requires its generated password (as Aspire 9.2+), health-checked with PING.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null, IResourceBuilder<ParameterResource>? password = null)
    {
        var passwordParameter = password?.Resource
            ?? ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        var redis = new RedisResource(name, passwordParameter);
        var healthCheckKey = $"{name}_check";
        HealthCheckRegistrations.AddOwned(builder, healthCheckKey, () => new RedisHealth(redis));

        return builder.AddResource(redis)
            .WithAnnotation(new ContainerImageAnnotation(Registry, Image, Tag))
            .WithAnnotation(new EndpointAnnotation(ProtocolType.Tcp, "tcp", "tcp", RedisResource.PrimaryEndpointName, port, targetPort: 6379))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables["REDIS_PASSWORD"] = passwordParameter))
            .WithAnnotation(new CommandLineArgsCallbackAnnotation(args =>
                args.AddRange(["-c", redis.PersistData ? "redis-server --requirepass $REDIS_PASSWORD --save 60 1" : "redis-server --requirepass $REDIS_PASSWORD"])))
            .WithHealthCheck(healthCheckKey);
    }

    public static IResourceBuilder<RedisResource> WithDataVolume(this IResourceBuilder<RedisResource> builder, string? name = null)
    {
        builder.Resource.PersistData = true;
        return builder.WithAnnotation(new ContainerMountAnnotation(name ?? VolumeNames.For(builder, "data"), "/data", IsVolume: true));
    }
}

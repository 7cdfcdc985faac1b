using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;

namespace CloudNative.Hosting.Tests.ApplicationModel;

/// <summary>WithReference(redis) injects Aspire 13.1's connection string and properties (aspire-contracts §2.3, §2.5).</summary>
public sealed class RedisReferenceEnvironmentTests
{
    private const string Password = "s3cret/pass+word";
    private const string EncodedPassword = "s3cret%2Fpass%2Bword";

    [Fact]
    public async Task ReferenceInjectsConnectionStringAndConnectionProperties()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:cache-password"] = Password;
        var cache = builder.AddRedis("cache");
        var consumer = builder.AddExecutable("consumer", "true", ".").WithReference(cache);
        var port = RunMode.Allocate(cache.Resource, "tcp", 63790);

        var env = await RunMode.EnvironmentOf(consumer.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["ConnectionStrings__cache"] = $"localhost:{port},password={Password}",
            ["CACHE_HOST"] = "localhost",
            ["CACHE_PORT"] = $"{port}",
            ["CACHE_PASSWORD"] = Password,
            ["CACHE_URI"] = $"redis://:{EncodedPassword}@localhost:{port}",
        }, env);
    }

    [Fact]
    public async Task GeneratedPasswordHasNoSpecialCharactersAndIsUsedEverywhere()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var cache = builder.AddRedis("cache");
        var consumer = builder.AddExecutable("consumer", "true", ".").WithReference(cache);
        var port = RunMode.Allocate(cache.Resource, "tcp", 63791);

        var env = await RunMode.EnvironmentOf(consumer.Resource);
        var password = cache.Resource.PasswordParameter!.Value;

        Assert.Matches("^[A-Za-z0-9]{22,}$", password);
        Assert.Equal(password, builder.Configuration["Parameters:cache-password"]);
        Assert.Equal($"localhost:{port},password={password}", env["ConnectionStrings__cache"]);
        Assert.Equal(password, env["CACHE_PASSWORD"]);
    }

    [Fact]
    public async Task ContainerEnvironmentAndArgsMatchAspire()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:cache-password"] = Password;
        var cache = builder.AddRedis("cache");

        var env = await RunMode.EnvironmentOf(cache.Resource);
        var args = await CloudNative.Hosting.ApplicationModel.ResourceValues.ResolveArgsAsync(cache.Resource, RunMode.Context);

        Assert.Equal(new Dictionary<string, string> { ["REDIS_PASSWORD"] = Password }, env);
        Assert.Equal(["-c", "redis-server --requirepass $REDIS_PASSWORD"], args);
        Assert.Equal("/bin/sh", cache.Resource.Entrypoint);
    }

    [Fact]
    public async Task DataVolumeAddsSnapshotsToTheServerCommand()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:cache-password"] = Password;
        var cache = builder.AddRedis("cache").WithDataVolume();

        var args = await CloudNative.Hosting.ApplicationModel.ResourceValues.ResolveArgsAsync(cache.Resource, RunMode.Context);

        Assert.Equal(["-c", "redis-server --requirepass $REDIS_PASSWORD --save 60 1"], args);
    }
}

using CloudNative.Hosting.Kafka;
using CloudNative.Hosting.Orchestration;
using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;
using CloudNative.Hosting.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CloudNative.Hosting.Tests.BadInput;

/// <summary>Process mode with a binary missing fails before anything starts, naming the resource, the binary and how to install it.</summary>
public sealed class MissingBinaryTests : IDisposable
{
    private readonly string _emptyDirectory = Directory.CreateTempSubdirectory("empty-path-").FullName;
    private readonly IDistributedApplicationTestingBuilder _builder = DistributedApplicationTestingBuilder.Create();

    public MissingBinaryTests() => _builder.Configuration["AppHost:ContainerRuntime"] = "none";

    public void Dispose()
    {
        _builder.Dispose();
        Directory.Delete(_emptyDirectory, recursive: true);
    }

    [Fact]
    public void MissingPostgresNamesTheResourceTheBinaryAndTheFix()
    {
        _builder.AddPostgres("postgres");

        var error = Assert.Throws<DistributedApplicationException>(() => Launchers().ThrowIfBinariesMissing(_builder.Resources));

        Assert.Contains("Resource 'postgres'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'initdb' was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRedisNamesTheResourceTheBinaryAndTheFix()
    {
        _builder.AddRedis("cache");

        var error = Assert.Throws<DistributedApplicationException>(() => Launchers().ThrowIfBinariesMissing(_builder.Resources));

        Assert.Contains("Resource 'cache'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'redis-server' was not found", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y redis-server", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KafkaNeedsNoSystemBinary()
    {
        _builder.AddKafka("kafka");

        Launchers().ThrowIfBinariesMissing(_builder.Resources);
    }

    [Fact]
    public void ExistingServiceNeedsNoBinary()
    {
        _builder.Configuration["ConnectionStrings:cache"] = "localhost:6379";
        _builder.AddRedis("cache");

        Launchers().ThrowIfBinariesMissing(_builder.Resources);
    }

    [Fact]
    public void BinaryInTheSearchPathIsFound()
    {
        var fake = Path.Combine(_emptyDirectory, "redis-server");
        File.WriteAllText(fake, "#!/bin/sh\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _builder.AddRedis("cache");

        Launchers().ThrowIfBinariesMissing(_builder.Resources);
        Assert.Equal(fake, ExecutableLocator.Find("redis-server", [_emptyDirectory]));
    }

    [Fact]
    public void NonExecutableFileIsNotABinary()
    {
        File.WriteAllText(Path.Combine(_emptyDirectory, "redis-server"), "not a program");

        Assert.Null(ExecutableLocator.Find("redis-server", [_emptyDirectory]));
    }

    private LauncherFactory Launchers() =>
        new(_builder.Configuration, new ServiceCollection().BuildServiceProvider(), FakeProjects.BuildConfiguration, [_emptyDirectory]);
}

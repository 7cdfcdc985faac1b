namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>Where a local process keeps its data: a volume's directory, a bind mount's source, or a temporary directory.</summary>
public sealed class LocalDataDirectoryTests : IDisposable
{
    private const string DataTarget = "/data";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cloudnative-localdata-tests-");
    private readonly IDistributedApplicationTestingBuilder _builder = DistributedApplicationTestingBuilder.Create();

    public void Dispose()
    {
        _builder.Dispose();
        _root.Delete(recursive: true);
    }

    [Fact]
    public void AVolumeIsADirectoryNamedAfterItUnderTheVolumeRootAndIsKept()
    {
        var svc = _builder.AddContainer("svc", "example/svc").WithVolume("svc-data", DataTarget);

        using (var data = LocalDataDirectory.For(svc.Resource, DataTarget, Options()))
        {
            Assert.Equal(Path.Combine(_root.FullName, "volumes", "svc-data"), data.Path);
            Assert.True(data.IsPersistent);
            Assert.True(Directory.Exists(data.Path));
        }

        Assert.True(Directory.Exists(Path.Combine(_root.FullName, "volumes", "svc-data")));
    }

    [Fact]
    public void ABindMountIsItsSourceAndIsKept()
    {
        var source = Path.Combine(_root.FullName, "bind");
        var svc = _builder.AddContainer("svc", "example/svc").WithBindMount(source, DataTarget);

        using (var data = LocalDataDirectory.For(svc.Resource, DataTarget, Options()))
        {
            Assert.Equal(source, data.Path);
            Assert.True(data.IsPersistent);
            Assert.True(Directory.Exists(source));
        }

        Assert.True(Directory.Exists(source));
    }

    [Fact]
    public void WithoutAMountTheDataIsTemporaryAndRemovedOnDispose()
    {
        var svc = _builder.AddContainer("svc", "example/svc");

        AssertTemporary(LocalDataDirectory.For(svc.Resource, DataTarget, Options()));
    }

    [Fact]
    public void AMountElsewhereIsNotData()
    {
        var svc = _builder.AddContainer("svc", "example/svc").WithVolume("svc-config", "/etc/svc");

        AssertTemporary(LocalDataDirectory.For(svc.Resource, DataTarget, Options()));
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "volumes", "svc-config")));
    }

    [Fact]
    public void EphemeralIgnoresTheVolume()
    {
        var svc = _builder.AddContainer("svc", "example/svc").WithVolume("svc-data", DataTarget);

        AssertTemporary(LocalDataDirectory.For(svc.Resource, DataTarget, Options(ephemeral: true)));
        Assert.False(Directory.Exists(Path.Combine(_root.FullName, "volumes", "svc-data")));
    }

    private LocalProcessOptions Options(bool ephemeral = false) =>
        new() { VolumeRoot = Path.Combine(_root.FullName, "volumes"), Ephemeral = ephemeral };

    private static void AssertTemporary(LocalDataDirectory data)
    {
        Assert.False(data.IsPersistent);
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "cloudnative-svc-"), data.Path, StringComparison.Ordinal);
        Assert.True(Directory.Exists(data.Path));
        File.WriteAllText(Path.Combine(data.Path, "dump.rdb"), "data");

        data.Dispose();

        Assert.False(Directory.Exists(data.Path));
    }
}

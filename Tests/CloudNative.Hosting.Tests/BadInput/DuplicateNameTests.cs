using CloudNative.Hosting.Postgres;
using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;

namespace CloudNative.Hosting.Tests.BadInput;

/// <summary>Resource names are unique, ignoring case, across every kind of resource.</summary>
public sealed class DuplicateNameTests
{
    [Fact]
    public void SecondResourceWithTheSameNameIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddExecutable("Cache", "true", "."));

        Assert.Equal(
            "Cannot add resource 'Cache' (ExecutableResource): a resource named 'cache' (RedisResource) already exists. Resource names are case-insensitive; choose another name.",
            error.Message);
    }

    [Fact]
    public void DatabaseNamedLikeAnotherResourceIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("catalog");
        var postgres = builder.AddPostgres("postgres");

        var error = Assert.Throws<DistributedApplicationException>(() => postgres.AddDatabase("catalog"));

        Assert.Contains("'catalog' (PostgresDatabaseResource)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("catalog", postgres.Resource.Databases.Keys);
    }

    [Fact]
    public void ParameterNamedLikeAGeneratedOneIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddPostgres("postgres");
        builder.AddParameter("postgres-password", "mine");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("'postgres-password'", error.Message, StringComparison.Ordinal);
        Assert.Contains("generated for 'postgres'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Choose another name", error.Message, StringComparison.Ordinal);
    }
}

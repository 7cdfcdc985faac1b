using CloudNative.Hosting.Redis;
using CloudNative.Hosting.Testing;

namespace CloudNative.Hosting.Tests.BadInput;

/// <summary>Aspire's naming rules, each violation named with the offending name and what is allowed.</summary>
public sealed class ResourceNameTests
{
    [Theory]
    [InlineData("1cache", "must start with an ASCII letter")]
    [InlineData("-cache", "must start with an ASCII letter")]
    [InlineData("cache-", "must not end with a hyphen")]
    [InlineData("my--cache", "consecutive hyphens")]
    [InlineData("my_cache", "'_' is not allowed")]
    [InlineData("my.cache", "'.' is not allowed")]
    [InlineData("café", "'é' is not allowed")]
    public void InvalidResourceNameIsRejectedWithTheRule(string name, string rule)
    {
        using var builder = DistributedApplicationTestingBuilder.Create();

        var error = Assert.Throws<ArgumentException>(() => builder.AddExecutable(name, "true", "."));

        Assert.Contains($"Resource name '{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLongNameIsRejected()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        var name = new string('a', 65);

        var error = Assert.Throws<ArgumentException>(() => builder.AddParameter(name));

        Assert.Contains("longer than 64 characters", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void EmptyNameIsRejected(string name)
    {
        using var builder = DistributedApplicationTestingBuilder.Create();

        Assert.ThrowsAny<ArgumentException>(() => builder.AddParameter(name));
    }

    [Theory]
    [InlineData("pg_password")]
    [InlineData("9lives")]
    public void InvalidParameterNameIsRejected(string name)
    {
        using var builder = DistributedApplicationTestingBuilder.Create();

        var error = Assert.Throws<ArgumentException>(() => builder.AddParameter(name, "value"));

        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("catalog-api")]
    [InlineData("Db2")]
    public void ValidNamesAreAccepted(string name)
    {
        using var builder = DistributedApplicationTestingBuilder.Create();

        Assert.Equal(name, builder.AddExecutable(name, "true", ".").Resource.Name);
    }

    [Fact]
    public void InvalidDerivedNameIsCaughtToo()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();

        var error = Assert.Throws<ArgumentException>(() => builder.AddRedis("cache_1"));

        Assert.Contains("'cache_1", error.Message, StringComparison.Ordinal);
    }
}

using CloudNative.Hosting.Testing;

namespace CloudNative.Hosting.Tests.BadInput;

/// <summary>A parameter without a value fails at Build() with the configuration key and how to set it.</summary>
public sealed class MissingParameterTests
{
    [Fact]
    public void MissingValueNamesTheKeyAndBothWaysToSetIt()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddParameter("apikey", secret: true);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("Parameter resource 'apikey'", error.Message, StringComparison.Ordinal);
        Assert.Contains("configuration key 'Parameters:apikey' is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets set \"Parameters:apikey\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Parameters__apikey'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingConnectionStringNamesItsKey()
    {
        using var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddConnectionString("legacydb");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("'ConnectionStrings:legacydb'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'ConnectionStrings__legacydb'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredOrDefaultedParametersBuild()
    {
        using var builder = DistributedApplicationTestingBuilder.Create("--Parameters:apikey=from-command-line");
        var configured = builder.AddParameter("apikey", secret: true);
        var defaulted = builder.AddParameter("region", "westeurope");

        using var app = builder.Build();

        Assert.Equal("from-command-line", configured.Resource.Value);
        Assert.Equal("westeurope", defaulted.Resource.Value);
    }

    [Fact]
    public void PublishModeDoesNotNeedValues()
    {
        using var builder = DistributedApplicationTestingBuilder.Create("--publisher", "manifest", "--output-path", Path.GetTempPath());
        builder.AddParameter("apikey", secret: true);

        using var app = builder.Build();
    }
}

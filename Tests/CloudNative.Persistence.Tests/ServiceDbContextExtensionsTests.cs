using CloudNative.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CloudNative.Persistence.Tests;

public sealed class ServiceDbContextExtensionsTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_gets_auto_prepare_and_no_reset_on_close()
    {
        var settings = ConnectionOf("Host=localhost;Database=servicedb;Username=app;Password=secret");

        Assert.Equal(ServiceDbContextExtensions.MaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal("servicedb", settings.Database);
    }

    [Theory]
    [InlineData("Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("MaxAutoPrepare=0;NoResetOnClose=false")]
    public void A_connection_string_that_sets_them_keeps_its_values(string explicitSettings)
    {
        var settings = ConnectionOf($"Host=localhost;Database=servicedb;{explicitSettings}");

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }

    private static NpgsqlConnectionStringBuilder ConnectionOf(string connectionString)
    {
        using var host = ServiceContext.Host(connectionString);
        using var scope = host.Services.CreateScope();
        return new NpgsqlConnectionStringBuilder(scope.ServiceProvider.GetRequiredService<ServiceContext>().Database.GetConnectionString());
    }
}

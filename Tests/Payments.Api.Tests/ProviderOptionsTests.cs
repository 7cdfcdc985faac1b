using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Payments.Api.Tests;

public class ProviderOptionsTests
{
    [Theory]
    [InlineData("DeclineRate", "1.5")]
    [InlineData("FailureRate", "-0.1")]
    [InlineData("DeclineAbove", "-1")]
    [InlineData("FailuresPerOrder", "-1")]
    public void An_invalid_fault_setting_stops_the_service_at_start_up(string name, string value)
    {
        // Nothing listens on port 1: the options are validated before anything is reached.
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:paymentsdb", "Host=127.0.0.1;Port=1;Database=paymentsdb;Timeout=1");
            builder.UseSetting("ConnectionStrings:kafka", "127.0.0.1:1");
            builder.UseSetting($"Payments:Provider:{name}", value);
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}

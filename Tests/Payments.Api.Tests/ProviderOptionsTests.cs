using CloudNative.Tests.Shared;
using Payments.Api.Extensions;
using Microsoft.Extensions.Hosting;

namespace Payments.Api.Tests;

public class ProviderOptionsTests
{
    [Theory]
    [InlineData("DeclineRate", "1.5")]
    [InlineData("FailureRate", "-0.1")]
    [InlineData("DeclineAbove", "-1")]
    [InlineData("FailuresPerOrder", "-1")]
    public async Task An_invalid_fault_setting_stops_the_service_at_start_up(string name, string value)
    {
        // Nothing listens on port 1: the options are validated before anything is reached.
        var error = await StartUp.FailsWithAsync(builder =>
        {
            builder.AddServiceDefaults();
            builder.AddApplicationServices();
        }, new Dictionary<string, string?>
        {
            ["ConnectionStrings:paymentsdb"] = "Host=127.0.0.1;Port=1;Database=paymentsdb;Timeout=1",
            ["ConnectionStrings:kafka"] = "127.0.0.1:1",
            [$"Payments:Provider:{name}"] = value,
        });

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Tests;

internal static class TestHosts
{
    public static HostApplicationBuilder CreateBuilder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "servicedefaults-tests",
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        return builder;
    }
}

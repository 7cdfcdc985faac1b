using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using CloudNative.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace Ordering.Api.Tests.Infrastructure;

// The real Program over one database of the test Postgres, the test broker and the stand-in catalog and basket.
public sealed class OrderingApiFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    /// <summary>What the app logged at Warning or above, for tests that expect none.</summary>
    public CapturedLog Problems { get; } = new((_, level) => level >= LogLevel.Warning);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.AddProvider(Problems));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

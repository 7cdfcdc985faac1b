using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudNative.Tests.Shared;

// Starts a service's own composition on a plain WebApplication. WebApplicationFactory is not used for start-up failures:
// its deferred host races the failing Program (it may resolve services from a host the Program has already disposed),
// which turns the options error into an ObjectDisposedException now and then.
static class StartUp
{
    public static async Task<OptionsValidationException> FailsWithAsync(
        Action<WebApplicationBuilder> compose, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        compose(builder);
        await using var app = builder.Build();

        return await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
    }
}

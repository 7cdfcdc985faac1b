using CloudNative.ServiceDefaults.Gateway;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Basket.Api.Tests;

// The real basket Program over the given Redis, finding the catalog through service discovery (services:catalog:http:0,
// exactly as the AppHost injects it).
sealed class BasketApiFactory(string redisConnectionString, string catalogUrl, string environment = "Production") : WebApplicationFactory<Program>
{
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:cache", redisConnectionString);
        builder.UseSetting("services:catalog:http:0", catalogUrl);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        // The standard handler's retries back off for seconds; without the waits a dead catalog answers at once,
        // and its retries still run.
        builder.ConfigureServices(services =>
            services.ConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.Delay = TimeSpan.Zero));
    }

    public HttpClient CreateClientFor(string userId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(GatewayHeaders.UserId, userId);
        return client;
    }
}

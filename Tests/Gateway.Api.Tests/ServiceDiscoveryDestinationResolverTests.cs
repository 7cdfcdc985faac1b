using Gateway.Api.ServiceDiscovery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Api.Tests;

public class ServiceDiscoveryDestinationResolverTests
{
    [Fact]
    public async Task Expands_a_service_name_into_one_destination_per_configured_endpoint()
    {
        await using var services = BuildServices(new()
        {
            ["services:catalog:http:0"] = "http://localhost:5101",
            ["services:catalog:http:1"] = "http://localhost:5102",
        });

        var result = await Resolve(services, new() { ["catalog"] = new DestinationConfig { Address = "http://catalog" } });

        Assert.Equal(
            ["http://localhost:5101/", "http://localhost:5102/"],
            result.Destinations.Values.Select(d => d.Address).Order());
        Assert.Equal(
            ["catalog[localhost:5101]", "catalog[localhost:5102]"],
            result.Destinations.Keys.Order());
        Assert.NotNull(result.ChangeToken);
    }

    [Fact]
    public async Task Picks_the_endpoints_of_the_scheme_in_the_address()
    {
        await using var services = BuildServices(new()
        {
            ["services:catalog:http:0"] = "http://localhost:5101",
            ["services:catalog:https:0"] = "https://localhost:7101",
        });

        var result = await Resolve(services, new() { ["catalog"] = new DestinationConfig { Address = "https://catalog" } });

        Assert.Equal("https://localhost:7101/", Assert.Single(result.Destinations.Values).Address);
    }

    [Fact]
    public async Task Keeps_the_configured_path_and_rebases_the_health_address()
    {
        await using var services = BuildServices(new() { ["services:catalog:http:0"] = "http://127.0.0.1:5101" });

        var result = await Resolve(services, new()
        {
            ["catalog"] = new DestinationConfig { Address = "http://catalog/base/", Health = "http://catalog/health" },
        });

        var destination = Assert.Single(result.Destinations.Values);
        Assert.Equal("http://127.0.0.1:5101/base/", destination.Address);
        Assert.Equal("http://127.0.0.1:5101/health", destination.Health);
    }

    [Fact]
    public async Task Passes_an_unknown_name_through_for_DNS_to_resolve()
    {
        // What happens in Kubernetes, where no services:* configuration exists and "catalog" is a Service name.
        await using var services = BuildServices([]);

        var result = await Resolve(services, new() { ["catalog"] = new DestinationConfig { Address = "http://catalog" } });

        Assert.Equal("http://catalog/", Assert.Single(result.Destinations.Values).Address);
    }

    [Fact]
    public async Task Resolves_every_destination_of_a_cluster()
    {
        await using var services = BuildServices(new()
        {
            ["services:catalog:http:0"] = "http://localhost:5101",
            ["services:catalog-canary:http:0"] = "http://localhost:5201",
        });

        var result = await Resolve(services, new()
        {
            ["stable"] = new DestinationConfig { Address = "http://catalog" },
            ["canary"] = new DestinationConfig { Address = "http://catalog-canary" },
        });

        Assert.Equal("http://localhost:5101/", result.Destinations["stable[localhost:5101]"].Address);
        Assert.Equal("http://localhost:5201/", result.Destinations["canary[localhost:5201]"].Address);
    }

    [Fact]
    public async Task Signals_a_change_when_the_endpoints_in_configuration_change()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["services:catalog:http:0"] = "http://localhost:5101" });
        await using var services = BuildServicesFrom(configuration);
        var first = await Resolve(services, new() { ["catalog"] = new DestinationConfig { Address = "http://catalog" } });
        var changed = new TaskCompletionSource();
        using var registration = first.ChangeToken!.RegisterChangeCallback(_ => changed.TrySetResult(), null);

        // The AppHost adding a replica looks like this to the gateway: a new services:catalog:http:N value.
        configuration["services:catalog:http:1"] = "http://localhost:5102";
        ((IConfigurationRoot)configuration).Reload();

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await Resolve(services, new() { ["catalog"] = new DestinationConfig { Address = "http://catalog" } });
        Assert.Equal(2, second.Destinations.Count);
    }

    static ServiceProvider BuildServices(Dictionary<string, string?> settings) =>
        BuildServicesFrom(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    // The same registrations the gateway gets from AddServiceDefaults() and AddServiceDiscoveryDestinationResolver().
    static ServiceProvider BuildServicesFrom(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddServiceDiscovery();
        services.AddSingleton<ServiceDiscoveryDestinationResolver>();
        return services.BuildServiceProvider();
    }

    static async Task<Yarp.ReverseProxy.ServiceDiscovery.ResolvedDestinationCollection> Resolve(
        IServiceProvider services,
        Dictionary<string, DestinationConfig> destinations) =>
        await services.GetRequiredService<ServiceDiscoveryDestinationResolver>().ResolveDestinationsAsync(destinations, CancellationToken.None);
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Api.Tests;

// The real gateway Program, pointed through service discovery (services:catalog:http:N, exactly as the AppHost
// injects it) at stand-in catalog replicas, and at the shared TestIdentity for its keys. In memory by default; on Kestrel (a real loopback port) for tests that
// must send what HttpClient refuses to, or that exercise Kestrel's own limits.
sealed class GatewayFactory(params string[] catalogReplicaUrls) : WebApplicationFactory<Program>
{
    public Dictionary<string, string> Settings { get; } = [];

    readonly List<IStartupFilter> startupFilters = [];
    readonly List<Action<IServiceCollection>> testServices = [];

    public GatewayFactory WithStartupFilter(IStartupFilter filter)
    {
        startupFilters.Add(filter);
        return this;
    }

    // Replaces the gateway's services after its own registrations (a fake clock, a test sign-in).
    public GatewayFactory WithServices(Action<IServiceCollection> configure)
    {
        testServices.Add(configure);
        return this;
    }

    // A client that sends an admin's access token: catalog-write (every method but GET, HEAD and OPTIONS) needs one.
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestIdentity.Shared.AdminToken());
        return client;
    }

    public static GatewayFactory OnKestrel(params string[] catalogReplicaUrls)
    {
        var factory = new GatewayFactory(catalogReplicaUrls);
        factory.UseKestrel(0);
        return factory;
    }

    // The Kestrel port, once StartServer() has run.
    public int Port
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address).Port;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        for (var i = 0; i < catalogReplicaUrls.Length; i++)
        {
            builder.UseSetting($"services:catalog:http:{i}", catalogReplicaUrls[i]);
        }
        builder.UseSetting("services:identity:http:0", TestIdentity.Shared.Url);
        builder.UseSetting("Gateway:Auth:Issuer", TestIdentity.Issuer);
        // YARP's default policy picks replicas at random; taking turns makes the spread testable.
        builder.UseSetting("ReverseProxy:Clusters:catalog:LoadBalancingPolicy", "RoundRobin");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            foreach (var filter in startupFilters)
            {
                services.AddSingleton(filter);
            }
        });
        builder.ConfigureTestServices(services =>
        {
            foreach (var configure in testServices)
            {
                configure(services);
            }
        });
    }
}

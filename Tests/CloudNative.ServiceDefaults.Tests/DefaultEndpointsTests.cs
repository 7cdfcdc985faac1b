using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace CloudNative.ServiceDefaults.Tests;

public class DefaultEndpointsTests
{
    [Fact]
    public void AddServiceDefaults_registers_the_live_self_check()
    {
        var builder = TestHosts.CreateBuilder();
        builder.AddServiceDefaults();
        using var host = builder.Build();

        var registrations = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        var self = Assert.Single(registrations, r => r.Name == "self");
        Assert.Contains("live", self.Tags);
    }

    [Fact]
    public async Task Health_and_alive_answer_outside_Development()
    {
        await using var app = await StartAppAsync(configure: _ => { });

        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(app, "/health"));
        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(app, "/alive"));
    }

    [Fact]
    public async Task Alive_runs_only_live_checks_while_health_runs_all()
    {
        await using var app = await StartAppAsync(builder => builder.Services.AddHealthChecks()
            .AddCheck("dependency", () => HealthCheckResult.Unhealthy("down")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await GetStatusAsync(app, "/health"));
        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(app, "/alive"));
    }

    [Fact]
    public async Task Health_probes_are_left_out_of_request_traces()
    {
        List<Activity> exported = [];
        var app = await StartAppAsync(builder => builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(exported)));

        await GetStatusAsync(app, "/health");
        await GetStatusAsync(app, "/alive");
        await GetStatusAsync(app, "/ping");
        // Stopping waits for the requests in flight, so every request span has ended and been exported.
        await app.StopAsync();
        await app.DisposeAsync();

        var paths = exported.Where(a => a.Kind == ActivityKind.Server).Select(a => a.GetTagItem("url.path")).ToList();
        Assert.Equal(["/ping"], paths);
    }

    private static async Task<WebApplication> StartAppAsync(Action<WebApplicationBuilder> configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        configure(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/ping", () => "pong");
        await app.StartAsync();
        return app;
    }

    private static async Task<HttpStatusCode> GetStatusAsync(WebApplication app, string path)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }
}

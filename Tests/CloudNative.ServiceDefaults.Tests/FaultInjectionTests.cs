using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudNative.ServiceDefaults.Tests;

// "Faults" makes any service fail or slow down on purpose; without the section nothing changes, and probes never fail.
public class FaultInjectionTests
{
    [Fact]
    public async Task Without_a_Faults_section_every_request_reaches_the_app()
    {
        await using var app = await StartAppAsync();

        Assert.All(await GetStatusesAsync(app, "/ping", 50), status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task An_error_rate_of_one_fails_every_request_with_the_configured_status_as_a_problem()
    {
        await using var app = await StartAppAsync(("Faults:ErrorRate", "1"), ("Faults:StatusCode", "503"));
        using var client = ClientFor(app);

        using var response = await client.GetAsync("/ping");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_partial_error_rate_fails_some_requests_and_serves_the_others()
    {
        await using var app = await StartAppAsync(("Faults:ErrorRate", "0.3"));

        var statuses = await GetStatusesAsync(app, "/ping", 400);

        // 30 % of 400 is 120; the bounds are over 6 standard deviations wide, so the test fails only when the rate is wrong.
        Assert.All(statuses, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.InternalServerError }));
        Assert.InRange(statuses.Count(status => status == HttpStatusCode.InternalServerError), 60, 180);
    }

    [Fact]
    public async Task Health_probes_are_never_faulted()
    {
        await using var app = await StartAppAsync(("Faults:ErrorRate", "1"));

        Assert.All(await GetStatusesAsync(app, "/health", 20), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(await GetStatusesAsync(app, "/alive", 20), status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Latency_delays_each_request()
    {
        var latency = TimeSpan.FromMilliseconds(300);
        await using var app = await StartAppAsync(("Faults:Latency", latency.ToString()));

        var ping = await TimeAsync(app, "/ping");

        // Only a lower bound: the delay is added, however slow the machine is.
        Assert.True(ping >= latency, $"/ping took {ping}.");
    }

    [Theory]
    [InlineData("Faults:ErrorRate", "1.5")]
    [InlineData("Faults:ErrorRate", "-0.1")]
    [InlineData("Faults:StatusCode", "200")]
    public void Settings_out_of_range_stop_the_service_at_start(string key, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create(key, (string?)value)]);
        builder.AddServiceDefaults();
        using var app = builder.Build();

        Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<CloudNative.ServiceDefaults.Faults.FaultOptions>>().Value);
    }

    static async Task<WebApplication> StartAppAsync(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddServiceDefaults();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/ping", () => "pong");
        await app.StartAsync();
        return app;
    }

    static HttpClient ClientFor(WebApplication app) => new()
    {
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()),
    };

    static async Task<List<HttpStatusCode>> GetStatusesAsync(WebApplication app, string path, int count)
    {
        using var client = ClientFor(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(path);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    static async Task<TimeSpan> TimeAsync(WebApplication app, string path)
    {
        using var client = ClientFor(app);
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return stopwatch.Elapsed;
    }
}

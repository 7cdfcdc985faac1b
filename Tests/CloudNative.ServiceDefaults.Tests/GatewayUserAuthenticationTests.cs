using System.Net;
using System.Security.Claims;
using System.Text.Json;
using CloudNative.ServiceDefaults.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudNative.ServiceDefaults.Tests;

public sealed class GatewayUserAuthenticationTests : IAsyncLifetime
{
    WebApplication? app;
    HttpClient? client;

    HttpClient Client => client ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddGatewayUserAuthentication();
        app = builder.Build();
        app.MapGet("/me", (ClaimsPrincipal user) => user.GetGatewayUserId()).RequireAuthorization();
        app.MapGet("/open", () => "open");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_user_is_the_one_the_gateway_names()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add(GatewayHeaders.UserId, "3f2a-user");

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3f2a-user", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Without_a_user_id_an_endpoint_that_requires_one_is_a_401_problem(string? userId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        if (userId is not null)
        {
            request.Headers.TryAddWithoutValidation(GatewayHeaders.UserId, userId);
        }

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(GatewayHeaders.UserId, problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Endpoints_that_do_not_require_a_user_stay_open()
    {
        Assert.Equal("open", await Client.GetStringAsync("/open"));
    }
}

using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CloudNative.IntegrationTests;

// Access tokens for Identity's seeded users, from the password grant of the public CLI client. The passwords are the
// AppHost's generated parameters; tests never send a wrong one (five in a row lock the account).
internal static class DemoUsers
{
    public const string Customer = "demo@cloudnative.local";
    public const string CustomerPassword = "demo-password";
    public const string Admin = "admin@cloudnative.local";
    public const string AdminPassword = "admin-password";

    public static async Task<string> TokenAsync(this DistributedApplication app, HttpClient client, string username, string passwordParameter)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cloudnative-cli",
            ["username"] = username,
            ["password"] = await app.ParameterAsync(passwordParameter),
        });
        using var response = await client.PostAsync("/connect/token", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var token = JsonDocument.Parse(body);
        return token.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A gateway client that signs in as the demo customer.</summary>
    public static async Task<HttpClient> CustomerClientAsync(this DistributedApplication app)
    {
        var gateway = app.CreateHttpClient("gateway");
        var token = await app.TokenAsync(gateway, Customer, CustomerPassword);
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return gateway;
    }

    /// <summary>An AppHost parameter's value, such as a generated password.</summary>
    public static async Task<string> ParameterAsync(this DistributedApplication app, string name) =>
        await app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().Single(p => p.Name == name).GetValueAsync(default)
            ?? throw new InvalidOperationException($"Parameter '{name}' has no value.");
}

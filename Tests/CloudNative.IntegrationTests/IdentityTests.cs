using System.Net;
using System.Text;
using System.Text.Json;

namespace CloudNative.IntegrationTests;

[Collection(AppHostCollection.Name)]
public sealed class IdentityTests(AppHostFixture fixture)
{
    [Fact]
    public async Task DemoCustomerGetsATokenThroughTheGatewayWithTheGeneratedPassword()
    {
        using var client = fixture.App.CreateHttpClient("gateway");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cloudnative-cli",
            ["username"] = "demo@cloudnative.local",
            ["password"] = await fixture.App.ParameterAsync("demo-password"),
        });

        using var response = await client.PostAsync("/connect/token", form);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var token = JsonDocument.Parse(body);
        var payload = token.RootElement.GetProperty("access_token").GetString()!.Split('.')[1];
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=').Replace('-', '+').Replace('_', '/'))));
        Assert.Equal("customer", RoleOf(claims.RootElement));
    }

    [Fact]
    public async Task AWrongPasswordIsAnOAuthErrorNotAServerError()
    {
        using var client = fixture.App.CreateHttpClient("gateway");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cloudnative-cli",
            ["username"] = "demo@cloudnative.local",
            ["password"] = "not-the-password",
        });

        using var response = await client.PostAsync("/connect/token", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid_grant", error.RootElement.GetProperty("error").GetString());
    }

    private static string? RoleOf(JsonElement claims) =>
        claims.GetProperty("role") is { ValueKind: JsonValueKind.Array } roles ? roles[0].GetString() : claims.GetProperty("role").GetString();
}

using System.Net;

namespace Identity.Api.Tests;

[Collection(IdentityServerCollection.Name)]
public class ClientTests(IdentityServerFixture fixture)
{
    [Fact]
    public async Task The_service_client_gets_an_access_token_for_itself_with_client_credentials()
    {
        var client = fixture.App.CreateClient();

        var response = await TokenClient.RequestAsync(client,
            ("grant_type", "client_credentials"), ("client_id", "cloudnative-service"), ("client_secret", fixture.ServiceSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TokenClient.ReadJsonAsync(response);
        var token = await TokenClient.ValidateAccessTokenAsync(client, body.GetProperty("access_token").GetString()!);
        Assert.Equal("cloudnative-service", token.Subject);
        Assert.DoesNotContain(token.Claims, c => c.Type == "role");
        Assert.False(body.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_invalid_client()
    {
        var client = fixture.App.CreateClient();

        var response = await TokenClient.RequestAsync(client,
            ("grant_type", "client_credentials"), ("client_id", "cloudnative-service"), ("client_secret", "wrong"));

        await PasswordGrantTests.AssertOAuthErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task An_unknown_client_is_invalid_client()
    {
        var client = fixture.App.CreateClient();

        var response = await TokenClient.RequestAsync(client,
            ("grant_type", "password"), ("client_id", "someone-else"), ("username", "demo@cloudnative.local"), ("password", fixture.DemoPassword));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"status {response.StatusCode}");
        Assert.Equal("invalid_client", (await TokenClient.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_public_cli_client_may_not_use_client_credentials()
    {
        var client = fixture.App.CreateClient();

        var response = await TokenClient.RequestAsync(client, ("grant_type", "client_credentials"), ("client_id", "cloudnative-cli"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TokenClient.ReadJsonAsync(response)).TryGetProperty("error", out _));
    }
}

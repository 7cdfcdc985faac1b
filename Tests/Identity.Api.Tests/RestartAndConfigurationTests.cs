using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Identity.Api.Infrastructure.Seed;

namespace Identity.Api.Tests;

// Each test owns a database, so it sees the app start against a new identitydb.
[Collection(IdentityServerCollection.Name)]
public class RestartAndConfigurationTests(IdentityServerFixture fixture)
{
    [Fact]
    public async Task The_signing_key_and_tokens_survive_a_restart()
    {
        var database = $"restart_{Guid.NewGuid():N}";
        string kid;
        string accessToken;
        await using (var first = fixture.CreateApp(database, fixture.AllSecrets))
        {
            var client = first.CreateClient();
            kid = await SigningKeyIdAsync(client);
            var body = await TokenClient.ReadJsonAsync(await TokenClient.PasswordAsync(client, UserSeed.DemoEmail, fixture.DemoPassword));
            accessToken = body.GetProperty("access_token").GetString()!;
        }

        await using var second = fixture.CreateApp(database, fixture.AllSecrets);
        var secondClient = second.CreateClient();

        Assert.Equal(kid, await SigningKeyIdAsync(secondClient));
        var token = await TokenClient.ValidateAccessTokenAsync(secondClient, accessToken);
        Assert.Equal(kid, token.Kid);
    }

    [Fact]
    public async Task Without_seed_passwords_or_service_secret_those_users_and_the_service_client_are_skipped()
    {
        await using var app = fixture.CreateApp($"unseeded_{Guid.NewGuid():N}", new Dictionary<string, string>());
        var client = app.CreateClient();

        var demo = await TokenClient.PasswordAsync(client, UserSeed.DemoEmail, fixture.DemoPassword);
        var service = await TokenClient.RequestAsync(client,
            ("grant_type", "client_credentials"), ("client_id", "cloudnative-service"), ("client_secret", fixture.ServiceSecret));

        await PasswordGrantTests.AssertOAuthErrorAsync(demo, HttpStatusCode.BadRequest, "invalid_grant");
        Assert.Equal("invalid_client", (await TokenClient.ReadJsonAsync(service)).GetProperty("error").GetString());
    }

    static async Task<string> SigningKeyIdAsync(HttpClient client)
    {
        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks");
        return Assert.Single(jwks.GetProperty("keys").EnumerateArray()).GetProperty("kid").GetString()!;
    }
}

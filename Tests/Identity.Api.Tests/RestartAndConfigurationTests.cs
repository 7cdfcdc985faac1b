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
    public async Task The_keys_and_the_tokens_they_made_survive_a_restart()
    {
        var database = $"restart_{Guid.NewGuid():N}";
        string kid;
        JsonElement tokens;
        await using (var first = fixture.CreateApp(database, fixture.AllSecrets))
        {
            var client = first.CreateClient();
            kid = await SigningKeyIdAsync(client);
            tokens = await TokenClient.ReadJsonAsync(await TokenClient.PasswordAsync(client, UserSeed.DemoEmail, fixture.DemoPassword));
        }

        await using var second = fixture.CreateApp(database, fixture.AllSecrets);
        var secondClient = second.CreateClient();

        Assert.Equal(kid, await SigningKeyIdAsync(secondClient));
        var token = await TokenClient.ValidateAccessTokenAsync(secondClient, tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(kid, token.Kid);
        // Refresh tokens are encrypted with the stored encryption key, so the restarted server can still read them.
        var refreshed = await TokenClient.RequestAsync(secondClient,
            ("grant_type", "refresh_token"), ("client_id", "cloudnative-cli"), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task Replicas_starting_together_on_a_new_database_share_one_signing_key()
    {
        var database = $"replicas_{Guid.NewGuid():N}";
        await using var first = fixture.CreateApp(database, fixture.AllSecrets);
        await using var second = fixture.CreateApp(database, fixture.AllSecrets);

        // Both hosts migrate and seed at once; the advisory lock makes the second find the first's keys and users.
        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        Assert.Equal(await SigningKeyIdAsync(first.CreateClient()), await SigningKeyIdAsync(second.CreateClient()));
        var body = await TokenClient.ReadJsonAsync(await TokenClient.PasswordAsync(second.CreateClient(), UserSeed.DemoEmail, fixture.DemoPassword));
        await TokenClient.ValidateAccessTokenAsync(first.CreateClient(), body.GetProperty("access_token").GetString()!);
    }

    [Fact]
    public async Task A_configured_issuer_is_the_issuer_of_discovery_and_tokens()
    {
        var settings = new Dictionary<string, string>(fixture.AllSecrets) { ["Identity:Issuer"] = "https://shop.example/" };
        // A second app over the fixture's database: a replica with other settings.
        await using var app = fixture.CreateApp("identitydb", settings);
        var client = app.CreateClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var body = await TokenClient.ReadJsonAsync(await TokenClient.PasswordAsync(client, UserSeed.DemoEmail, fixture.DemoPassword));

        Assert.Equal("https://shop.example/", discovery.GetProperty("issuer").GetString());
        var token = await TokenClient.ValidateAccessTokenAsync(client, body.GetProperty("access_token").GetString()!);
        Assert.Equal("https://shop.example/", token.Issuer);
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

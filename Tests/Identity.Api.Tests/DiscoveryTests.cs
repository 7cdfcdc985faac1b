using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Identity.Api.Tests;

[Collection(IdentityServerCollection.Name)]
public class DiscoveryTests(IdentityServerFixture fixture)
{
    [Fact]
    public async Task The_discovery_document_advertises_the_token_endpoint_its_grants_and_the_jwks()
    {
        var client = fixture.App.CreateClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal("http://localhost/", discovery.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("password", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("refresh_token", grants);
        Assert.True(discovery.TryGetProperty("jwks_uri", out _));
    }

    [Fact]
    public async Task The_jwks_publishes_the_public_rsa_signing_key_only()
    {
        var client = fixture.App.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        var jwks = await client.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.False(key.TryGetProperty("d", out _), "the private exponent must never be published");
    }

    [Fact]
    public async Task Health_is_ready_once_started()
    {
        var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Api.Tests;

// The OAuth calls the tests make, and validation of an access token the way the gateway will: issuer, audience,
// lifetime and signature against the published JWKS.
static class TokenClient
{
    public const string Audience = "cloudnative-api";

    public static Task<HttpResponseMessage> RequestAsync(HttpClient client, params (string Name, string Value)[] parameters) =>
        client.PostAsync("/connect/token", new FormUrlEncodedContent(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))));

    public static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string username, string password, string scope = "openid offline_access") =>
        RequestAsync(client,
            ("grant_type", "password"), ("client_id", "cloudnative-cli"),
            ("username", username), ("password", password), ("scope", scope));

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<JsonWebToken> ValidateAccessTokenAsync(HttpClient client, string accessToken)
    {
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var jwks = new JsonWebKeySet(await client.GetStringAsync(discovery.GetProperty("jwks_uri").GetString()));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = discovery.GetProperty("issuer").GetString(),
            ValidAudience = Audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

        Assert.True(result.IsValid, result.Exception?.ToString());
        return (JsonWebToken)result.SecurityToken;
    }
}

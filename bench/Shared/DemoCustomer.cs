using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace CloudNative.Bench;

/// <summary>
/// Identity's seeded demo customer (Development). Its password is the AppHost's <c>demo-password</c> parameter: the
/// bench sets a fresh one for its run, then signs in with the password grant of the public CLI client at the gateway.
/// </summary>
internal static class DemoCustomer
{
    public const string Email = "demo@cloudnative.local";
    public const string PasswordParameter = "Parameters:demo-password";

    public static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static async Task<string> AccessTokenAsync(Uri gateway, string password, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cloudnative-cli",
            ["username"] = Email,
            ["password"] = password,
        });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"/connect/token answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return token?.AccessToken ?? throw new InvalidOperationException("/connect/token answered without an access_token.");
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string? AccessToken);
}

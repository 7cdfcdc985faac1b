using System.Net;
using Identity.Api.Infrastructure.Seed;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Identity.Api.Tests;

[Collection(IdentityServerCollection.Name)]
public class PasswordGrantTests(IdentityServerFixture fixture)
{
    [Fact]
    public async Task The_demo_customer_gets_an_access_token_with_sub_role_and_audience_signed_by_the_jwks_key()
    {
        var client = fixture.App.CreateClient();

        var response = await TokenClient.PasswordAsync(client, UserSeed.DemoEmail, fixture.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TokenClient.ReadJsonAsync(response);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        var token = await TokenClient.ValidateAccessTokenAsync(client, body.GetProperty("access_token").GetString()!);
        Assert.Equal(await UserIdAsync(UserSeed.DemoEmail), token.Subject);
        Assert.Equal(["customer"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal([TokenClient.Audience], token.Audiences);
        Assert.Equal("RS256", token.Alg);
    }

    [Fact]
    public async Task The_admin_gets_the_admin_role()
    {
        var client = fixture.App.CreateClient();

        var response = await TokenClient.PasswordAsync(client, UserSeed.AdminEmail, fixture.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TokenClient.ReadJsonAsync(response);
        var token = await TokenClient.ValidateAccessTokenAsync(client, body.GetProperty("access_token").GetString()!);
        Assert.Equal(await UserIdAsync(UserSeed.AdminEmail), token.Subject);
        Assert.Equal(["admin"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
    }

    [Fact]
    public async Task A_refresh_token_gets_a_new_access_token_for_the_same_user()
    {
        var client = fixture.App.CreateClient();
        var first = await TokenClient.ReadJsonAsync(await TokenClient.PasswordAsync(client, UserSeed.DemoEmail, fixture.DemoPassword));

        var response = await TokenClient.RequestAsync(client,
            ("grant_type", "refresh_token"), ("client_id", "cloudnative-cli"),
            ("refresh_token", first.GetProperty("refresh_token").GetString()!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TokenClient.ReadJsonAsync(response);
        var token = await TokenClient.ValidateAccessTokenAsync(client, body.GetProperty("access_token").GetString()!);
        Assert.Equal(await UserIdAsync(UserSeed.DemoEmail), token.Subject);
        Assert.Equal(["customer"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.NotEqual(first.GetProperty("access_token").GetString(), body.GetProperty("access_token").GetString());
    }

    [Fact]
    public async Task A_used_or_forged_refresh_token_is_invalid_grant()
    {
        var client = fixture.App.CreateClient();

        var response = await TokenClient.RequestAsync(client,
            ("grant_type", "refresh_token"), ("client_id", "cloudnative-cli"), ("refresh_token", "not-a-refresh-token"));

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Theory]
    [InlineData(UserSeed.DemoEmail, "wrong password")]
    [InlineData("nobody@cloudnative.local", "any password")]
    public async Task A_wrong_password_or_unknown_user_is_invalid_grant(string username, string password)
    {
        var client = fixture.App.CreateClient();

        var response = await TokenClient.PasswordAsync(client, username, password);

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_grant");
    }

    internal static async Task AssertOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await TokenClient.ReadJsonAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
    }

    async Task<string> UserIdAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email);
        return Assert.IsType<IdentityUser>(user).Id;
    }
}

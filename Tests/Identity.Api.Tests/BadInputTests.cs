using System.Net;
using System.Text;

namespace Identity.Api.Tests;

// A client's mistake is answered with an OAuth error or problem details, never a 5xx.
[Collection(IdentityServerCollection.Name)]
public class BadInputTests(IdentityServerFixture fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("grant_type=password")]
    [InlineData("grant_type=password&client_id=cloudnative-cli")]
    [InlineData("grant_type=password&client_id=cloudnative-cli&username=demo@cloudnative.local")]
    [InlineData("grant_type=authorization_code&client_id=cloudnative-cli&code=x")]
    [InlineData("grant_type=made_up&client_id=cloudnative-cli")]
    [InlineData("grant_type=refresh_token&client_id=cloudnative-cli")]
    [InlineData("grant_type=password&client_id=cloudnative-cli&username=a&password=b&scope=not-a-scope")]
    [InlineData("grant_type=password&grant_type=client_credentials&client_id=cloudnative-cli")]
    [InlineData("grant_type=password&client_id=cloudnative-cli&username=demo%00@cloudnative.local&password=x")]
    [InlineData("grant_type=password&client_id=cloudnative-cli%00&username=a&password=b")]
    [InlineData("grant_type=refresh_token&client_id=cloudnative-cli&refresh_token=%00")]
    public async Task Malformed_token_requests_are_oauth_errors(string form)
    {
        var client = fixture.App.CreateClient();

        var response = await client.PostAsync("/connect/token", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{form}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.True((await TokenClient.ReadJsonAsync(response)).TryGetProperty("error", out _), form);
    }

    [Fact]
    public async Task A_form_over_the_value_count_limit_is_an_oauth_error()
    {
        var client = fixture.App.CreateClient();
        var form = "grant_type=password&client_id=cloudnative-cli" + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"&x{i}=1"));

        var response = await client.PostAsync("/connect/token", new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await TokenClient.ReadJsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_json_body_is_an_oauth_error()
    {
        var client = fixture.App.CreateClient();

        var response = await client.PostAsync("/connect/token", new StringContent("{\"grant_type\":\"password\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TokenClient.ReadJsonAsync(response)).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task A_get_on_the_token_endpoint_is_an_oauth_error()
    {
        var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/connect/token?grant_type=password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TokenClient.ReadJsonAsync(response)).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var client = fixture.App.CreateClient();

        var response = await client.GetAsync("/connect/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

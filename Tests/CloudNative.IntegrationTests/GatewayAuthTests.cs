using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CloudNative.IntegrationTests;

// The gateway against the real Identity: tokens from the password grant (DemoUsers) (through the gateway or straight from
// identity) pass the gateway's validation, and the route policies decide. The catalog has no write endpoints yet,
// so a write the gateway lets through comes back as the catalog's own 405 (the gateway's 405 is only for
// non-standard methods).
[Collection(AppHostCollection.Name)]
public sealed class GatewayAuthTests(AppHostFixture fixture)
{
    [Fact]
    public async Task AnyoneReadsTheCatalog()
    {
        using var gateway = fixture.App.CreateHttpClient("gateway");

        using var response = await gateway.GetAsync("/api/catalog/items?pageSize=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ACatalogWriteWithoutATokenIsA401ProblemWithABearerChallenge()
    {
        using var gateway = fixture.App.CreateHttpClient("gateway");

        using var response = await gateway.PostAsync("/api/catalog/items", JsonContent());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheDemoCustomerMayNotWriteToTheCatalog()
    {
        using var gateway = fixture.App.CreateHttpClient("gateway");
        var token = await fixture.App.TokenAsync(gateway, DemoUsers.Customer, DemoUsers.CustomerPassword);

        using var response = await SendAsync(gateway, HttpMethod.Post, "/api/catalog/items", token);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, body);
        using var problem = JsonDocument.Parse(body);
        Assert.Contains("'admin'", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheAdminPassesTheGatewaysPolicyForCatalogWrites()
    {
        using var gateway = fixture.App.CreateHttpClient("gateway");
        var token = await fixture.App.TokenAsync(gateway, DemoUsers.Admin, DemoUsers.AdminPassword);

        using var response = await SendAsync(gateway, HttpMethod.Post, "/api/catalog/items", token);

        Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATokenFromIdentityDirectlyHasTheSameIssuerAndIsAccepted()
    {
        using var identity = fixture.App.CreateHttpClient("identity");
        using var gateway = fixture.App.CreateHttpClient("gateway");
        var token = await fixture.App.TokenAsync(identity, DemoUsers.Customer, DemoUsers.CustomerPassword);

        // Validated (a 403 for the missing role, not a 401 for an untrusted issuer).
        using var response = await SendAsync(gateway, HttpMethod.Delete, "/api/catalog/items/1", token);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DiscoveryThroughTheGatewayNamesTheGatewayAsIssuer()
    {
        using var gateway = fixture.App.CreateHttpClient("gateway");

        using var discovery = JsonDocument.Parse(await gateway.GetStringAsync("/.well-known/openid-configuration"));

        Assert.Equal(new Uri(gateway.BaseAddress!, "/").AbsoluteUri, discovery.RootElement.GetProperty("issuer").GetString());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent() };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static StringContent JsonContent() => new("{\"name\":\"Test\"}", System.Text.Encoding.UTF8, "application/json");
}
